// Package fuzzclient drives a generated client's real response path with no
// network: every operation of a client is found by reflection, called with
// an input whose members are all set (so validation passes and the request
// is sent), and answered by an in-memory http.RoundTripper with whatever
// status and body a fuzz target chose. Validation, serialization, signing,
// the retry loop, the body-size limit, the error decoder and the generated
// deserializers all run exactly as they do against AWS.
package fuzzclient

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"sync"
	"time"
)

// Op is one operation of a client.
type Op struct {
	Name string
	// Input is a pointer to a fully populated input structure.
	Input any
	// OutputType is the operation's output structure type (not a pointer).
	OutputType reflect.Type

	method reflect.Value
}

// Call invokes the operation with its populated input.
func (op Op) Call(ctx context.Context) (out any, err error) {
	res := op.method.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(op.Input)})
	if e := res[1].Interface(); e != nil {
		err = e.(error)
	}
	if !res[0].IsNil() {
		out = res[0].Interface()
	}
	return out, err
}

var (
	ctxType = reflect.TypeOf((*context.Context)(nil)).Elem()
	errType = reflect.TypeOf((*error)(nil)).Elem()
)

// Ops returns every method of client (a pointer to a generated Client) of
// the form Op(ctx, *In, ...func(*Options)) (*Out, error), sorted by name.
// unions are union members to fill union-typed members with (see Fill).
func Ops(client any, unions ...any) []Op {
	v := reflect.ValueOf(client)
	t := v.Type()
	var ops []Op
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		mt := m.Type // includes the receiver
		if mt.NumIn() != 4 || !mt.IsVariadic() || mt.In(1) != ctxType || mt.In(2).Kind() != reflect.Pointer ||
			mt.NumOut() != 2 || mt.Out(1) != errType || mt.Out(0).Kind() != reflect.Pointer {
			continue
		}
		in := reflect.New(mt.In(2).Elem())
		Fill(in.Elem(), unions...)
		ops = append(ops, Op{Name: m.Name, Input: in.Interface(), OutputType: mt.Out(0).Elem(), method: v.Method(i)})
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Name < ops[j].Name })
	return ops
}

// FixedTime is the value Fill gives time.Time members.
var FixedTime = time.Date(2024, 5, 6, 7, 8, 9, 500_000_000, time.UTC)

// Fill sets every exported member of v, recursively: strings (and string
// enums) to "x", numbers to 1, booleans to true, slices and maps to one
// element, pointers to a filled value. A structure type met again inside
// itself (a recursive shape) is left zero there. An interface is set to a
// filled value of the first of unions (union members such as
// &types.ImageSourceIdentifierMemberEc2ImageId{}) that implements it, since
// reflection cannot list a union's members and a required union left nil
// fails validation; other interfaces are left nil.
func Fill(v reflect.Value, unions ...any) { filler(unions).fill(v, nil) }

type filler []any

func (u filler) fill(v reflect.Value, path []reflect.Type) {
	fill := u.fill
	if !v.CanSet() {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), path)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), path)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		fill(k, path)
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, path)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Interface:
		for _, m := range u {
			t := reflect.TypeOf(m)
			if t.Kind() == reflect.Pointer && t.Implements(v.Type()) {
				p := reflect.New(t.Elem())
				fill(p.Elem(), path)
				v.Set(p)
				return
			}
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(FixedTime))
			return
		}
		for _, seen := range path {
			if seen == v.Type() {
				return
			}
		}
		path = append(path[:len(path):len(path)], v.Type())
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			// ResultMetadata and other non-wire members are skipped.
			if !f.IsExported() || f.Name == "ResultMetadata" || f.Name == "ErrorCodeOverride" {
				continue
			}
			fill(v.Field(i), path)
		}
	}
}

// Transport answers every request with the status, header and body last
// given to Set, without any network. The request body is read and
// discarded, as a server would.
type Transport struct {
	mu     sync.Mutex
	status int
	header http.Header
	body   []byte
	// chunked hides the length, as a streamed (Transfer-Encoding: chunked)
	// response does.
	chunked bool
}

// Set chooses the next responses.
func (t *Transport) Set(status int, header http.Header, body []byte, chunked bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.status, t.header, t.body, t.chunked = status, header, body, chunked
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	t.mu.Lock()
	status, header, body, chunked := t.status, t.header.Clone(), t.body, t.chunked
	t.mu.Unlock()
	if header == nil {
		header = http.Header{}
	}
	if status == 0 {
		status = http.StatusOK
	}
	resp := &http.Response{
		Status: strconv.Itoa(status) + " " + http.StatusText(status), StatusCode: status,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: header, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: req,
	}
	if chunked {
		resp.ContentLength = -1
		resp.TransferEncoding = []string{"chunked"}
	}
	return resp, nil
}

// Statuses are the HTTP statuses fuzz targets choose from: success, the
// client and server errors AWS sends, and a few odd ones.
var Statuses = []int{200, 400, 200, 403, 404, 413, 429, 500, 502, 503, 204, 299}
