package cbor

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	smithycbor "github.com/aws/smithy-go/encoding/cbor"
)

// The benchmark payload is shaped like a WorkSpaces DescribeWorkspaces
// response (the same shape as awsjson's benchmark): 50 structures of ~16
// members with a nested structure, a list of structures, a list of strings,
// a double, booleans, a timestamp and a member the client does not know.

type benchModState struct {
	Resource string
	State    string
}

type benchProps struct {
	RunningMode                         string
	RunningModeAutoStopTimeoutInMinutes int32
	RootVolumeSizeGib                   int32
	UserVolumeSizeGib                   int32
	ComputeTypeName                     string
}

type benchItem struct {
	WorkspaceId                 string
	DirectoryId                 string
	UserName                    string
	IpAddress                   string
	State                       string
	BundleId                    string
	SubnetId                    string
	ErrorMessage                string
	ComputerName                string
	UserVolumeEncryptionEnabled bool
	RootVolumeEncryptionEnabled bool
	Score                       float64
	Created                     time.Time
	WorkspaceProperties         benchProps
	ModificationStates          []benchModState
	Tags                        []string
}

type benchOutput struct {
	Workspaces []benchItem
	NextToken  string
}

func benchValue(n int) benchOutput {
	out := benchOutput{NextToken: "eyJ2IjoxLCJjIjoiQUJDIn0="}
	for i := 0; i < n; i++ {
		out.Workspaces = append(out.Workspaces, benchItem{
			WorkspaceId:                 fmt.Sprintf("ws-%09d", i),
			DirectoryId:                 fmt.Sprintf("d-90670b%04d", i),
			UserName:                    fmt.Sprintf("user.name%d", i),
			IpAddress:                   fmt.Sprintf("10.0.%d.%d", i/256, i%256),
			State:                       "AVAILABLE",
			BundleId:                    "wsb-b0s22j3d7",
			SubnetId:                    fmt.Sprintf("subnet-0a1b2c3d4e5f%02d", i%100),
			ComputerName:                fmt.Sprintf("WSAMZN-%06d", i),
			UserVolumeEncryptionEnabled: i%2 == 0,
			Score:                       float64(i) + 0.25,
			Created:                     time.UnixMilli(1398796238000 + int64(i%1000)).UTC(),
			WorkspaceProperties: benchProps{
				RunningMode: "AUTO_STOP", RunningModeAutoStopTimeoutInMinutes: 60,
				RootVolumeSizeGib: 80, UserVolumeSizeGib: 50, ComputeTypeName: "STANDARD",
			},
			ModificationStates: []benchModState{{"ROOT_VOLUME", "UPDATE_IN_PROGRESS"}, {"COMPUTE_TYPE", "UPDATE_INITIATED"}},
			Tags:               []string{"team:platform", "env:prod", "cost-center:été 42"},
		})
	}
	return out
}

// encodeBenchOutput is a serializer as the generator would emit it:
// structures as indefinite-length maps with only the members that are set,
// lists as definite-length arrays.
func encodeBenchOutput(e *Encoder, v *benchOutput) {
	e.MapStartIndefinite()
	if v.Workspaces != nil {
		e.Key("Workspaces")
		e.ArrayStart(len(v.Workspaces))
		for i := range v.Workspaces {
			encodeBenchItem(e, &v.Workspaces[i])
		}
	}
	if v.NextToken != "" {
		e.Key("NextToken")
		e.String(v.NextToken)
	}
	e.Break()
}

func encodeBenchItem(e *Encoder, v *benchItem) {
	e.MapStartIndefinite()
	for _, m := range [...]struct{ k, v string }{
		{"WorkspaceId", v.WorkspaceId}, {"DirectoryId", v.DirectoryId}, {"UserName", v.UserName},
		{"IpAddress", v.IpAddress}, {"State", v.State}, {"BundleId", v.BundleId}, {"SubnetId", v.SubnetId},
		{"ErrorMessage", v.ErrorMessage}, {"ComputerName", v.ComputerName},
	} {
		e.Key(m.k)
		e.String(m.v)
	}
	e.Key("UserVolumeEncryptionEnabled")
	e.Bool(v.UserVolumeEncryptionEnabled)
	e.Key("RootVolumeEncryptionEnabled")
	e.Bool(v.RootVolumeEncryptionEnabled)
	e.Key("Score")
	e.Float64(v.Score)
	e.Key("Created")
	e.Timestamp(v.Created)
	e.Key("WorkspaceProperties")
	e.MapStartIndefinite()
	e.Key("RunningMode")
	e.String(v.WorkspaceProperties.RunningMode)
	e.Key("RunningModeAutoStopTimeoutInMinutes")
	e.Int64(int64(v.WorkspaceProperties.RunningModeAutoStopTimeoutInMinutes))
	e.Key("RootVolumeSizeGib")
	e.Int64(int64(v.WorkspaceProperties.RootVolumeSizeGib))
	e.Key("UserVolumeSizeGib")
	e.Int64(int64(v.WorkspaceProperties.UserVolumeSizeGib))
	e.Key("ComputeTypeName")
	e.String(v.WorkspaceProperties.ComputeTypeName)
	e.Break()
	e.Key("ModificationStates")
	e.ArrayStart(len(v.ModificationStates))
	for _, m := range v.ModificationStates {
		e.MapStartIndefinite()
		e.Key("Resource")
		e.String(m.Resource)
		e.Key("State")
		e.String(m.State)
		e.Break()
	}
	e.Key("Tags")
	e.ArrayStart(len(v.Tags))
	for _, s := range v.Tags {
		e.String(s)
	}
	e.Break()
}

// benchPayload is the response body: the value encoded by smithy-go
// (definite-length maps, as aws-sdk-go-v2 and most servers write), plus an
// unknown member per item that the deserializers must skip.
func benchPayload(n int) []byte {
	v := benchValue(n)
	tree := smithyBenchTree(&v)
	for _, it := range tree.(smithycbor.Map)["Workspaces"].(smithycbor.List) {
		it.(smithycbor.Map)["UnknownFutureMember"] = smithycbor.Map{"a": smithycbor.List{smithycbor.Uint(1), smithycbor.NegInt(2), smithycbor.Map{"b": &smithycbor.Nil{}}}}
	}
	return smithycbor.Encode(tree)
}

// decodeBenchOutput and the functions below are deserializers as the
// generator will emit them: one function per shape, a switch on the member
// name, Null checks for absent members, Skip for unknown ones.
func decodeBenchOutput(d *Decoder, v *benchOutput) {
	if !d.ObjectStart() {
		return
	}
	for {
		k, ok := d.NextKey()
		if !ok {
			return
		}
		if d.Null() {
			continue
		}
		switch string(k) {
		case "Workspaces":
			if d.ArrayStart() {
				v.Workspaces = make([]benchItem, 0, d.SizeHint())
				for d.NextElem() {
					v.Workspaces = append(v.Workspaces, benchItem{})
					decodeBenchItem(d, &v.Workspaces[len(v.Workspaces)-1])
				}
			}
		case "NextToken":
			v.NextToken = d.String()
		default:
			d.Skip()
		}
	}
}

func decodeBenchItem(d *Decoder, v *benchItem) {
	if !d.ObjectStart() {
		return
	}
	for {
		k, ok := d.NextKey()
		if !ok {
			return
		}
		if d.Null() {
			continue
		}
		switch string(k) {
		case "WorkspaceId":
			v.WorkspaceId = d.String()
		case "DirectoryId":
			v.DirectoryId = d.String()
		case "UserName":
			v.UserName = d.String()
		case "IpAddress":
			v.IpAddress = d.String()
		case "State":
			v.State = d.String()
		case "BundleId":
			v.BundleId = d.String()
		case "SubnetId":
			v.SubnetId = d.String()
		case "ErrorMessage":
			v.ErrorMessage = d.String()
		case "ComputerName":
			v.ComputerName = d.String()
		case "UserVolumeEncryptionEnabled":
			v.UserVolumeEncryptionEnabled = d.Bool()
		case "RootVolumeEncryptionEnabled":
			v.RootVolumeEncryptionEnabled = d.Bool()
		case "Score":
			v.Score = d.Float64()
		case "Created":
			v.Created = d.Timestamp()
		case "WorkspaceProperties":
			decodeBenchProps(d, &v.WorkspaceProperties)
		case "ModificationStates":
			if d.ArrayStart() {
				v.ModificationStates = make([]benchModState, 0, d.SizeHint())
				for d.NextElem() {
					var m benchModState
					decodeBenchModState(d, &m)
					v.ModificationStates = append(v.ModificationStates, m)
				}
			}
		case "Tags":
			if d.ArrayStart() {
				v.Tags = make([]string, 0, d.SizeHint())
				for d.NextElem() {
					if d.Null() {
						continue
					}
					v.Tags = append(v.Tags, d.String())
				}
			}
		default:
			d.Skip()
		}
	}
}

func decodeBenchProps(d *Decoder, v *benchProps) {
	if !d.ObjectStart() {
		return
	}
	for {
		k, ok := d.NextKey()
		if !ok {
			return
		}
		if d.Null() {
			continue
		}
		switch string(k) {
		case "RunningMode":
			v.RunningMode = d.String()
		case "RunningModeAutoStopTimeoutInMinutes":
			v.RunningModeAutoStopTimeoutInMinutes = d.Int32()
		case "RootVolumeSizeGib":
			v.RootVolumeSizeGib = d.Int32()
		case "UserVolumeSizeGib":
			v.UserVolumeSizeGib = d.Int32()
		case "ComputeTypeName":
			v.ComputeTypeName = d.String()
		default:
			d.Skip()
		}
	}
}

func decodeBenchModState(d *Decoder, v *benchModState) {
	if !d.ObjectStart() {
		return
	}
	for {
		k, ok := d.NextKey()
		if !ok {
			return
		}
		if d.Null() {
			continue
		}
		switch string(k) {
		case "Resource":
			v.Resource = d.String()
		case "State":
			v.State = d.String()
		default:
			d.Skip()
		}
	}
}

// decodeBench is the response path: one copy of the body as a string that
// every decoded string is sliced from, as runtime/pipeline does for awsjson.
func decodeBench(d *Decoder, data []byte) (benchOutput, error) {
	d.ResetString(string(data))
	var out benchOutput
	decodeBenchOutput(d, &out)
	d.End()
	return out, d.Err()
}

// The smithy-go side, written the way aws-sdk-go-v2's generated rpcv2Cbor
// code uses the package: Decode the body into a Value tree, then walk the
// tree with type assertions and the As* conversions, returning errors for
// wrong types.

func smithyString(v smithycbor.Value) (string, error) {
	s, ok := v.(smithycbor.String)
	if !ok {
		return "", fmt.Errorf("expected string, got %T", v)
	}
	return string(s), nil
}

func smithyBool(v smithycbor.Value) (bool, error) {
	b, ok := v.(smithycbor.Bool)
	if !ok {
		return false, fmt.Errorf("expected bool, got %T", v)
	}
	return bool(b), nil
}

func smithyIsNil(v smithycbor.Value) bool {
	switch v.(type) {
	case *smithycbor.Nil, *smithycbor.Undefined:
		return true
	}
	return false
}

func smithyDecodeOutput(data []byte) (benchOutput, error) {
	var out benchOutput
	tree, err := smithycbor.Decode(data)
	if err != nil {
		return out, err
	}
	m, ok := tree.(smithycbor.Map)
	if !ok {
		return out, fmt.Errorf("expected map, got %T", tree)
	}
	for k, sv := range m {
		if smithyIsNil(sv) {
			continue
		}
		switch k {
		case "Workspaces":
			l, ok := sv.(smithycbor.List)
			if !ok {
				return out, fmt.Errorf("Workspaces: expected list, got %T", sv)
			}
			out.Workspaces = make([]benchItem, 0, len(l))
			for _, x := range l {
				var it benchItem
				if err := smithyDecodeItem(x, &it); err != nil {
					return out, err
				}
				out.Workspaces = append(out.Workspaces, it)
			}
		case "NextToken":
			if out.NextToken, err = smithyString(sv); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

func smithyDecodeItem(v smithycbor.Value, it *benchItem) error {
	m, ok := v.(smithycbor.Map)
	if !ok {
		return fmt.Errorf("expected map, got %T", v)
	}
	var err error
	for k, sv := range m {
		if smithyIsNil(sv) {
			continue
		}
		switch k {
		case "WorkspaceId":
			it.WorkspaceId, err = smithyString(sv)
		case "DirectoryId":
			it.DirectoryId, err = smithyString(sv)
		case "UserName":
			it.UserName, err = smithyString(sv)
		case "IpAddress":
			it.IpAddress, err = smithyString(sv)
		case "State":
			it.State, err = smithyString(sv)
		case "BundleId":
			it.BundleId, err = smithyString(sv)
		case "SubnetId":
			it.SubnetId, err = smithyString(sv)
		case "ErrorMessage":
			it.ErrorMessage, err = smithyString(sv)
		case "ComputerName":
			it.ComputerName, err = smithyString(sv)
		case "UserVolumeEncryptionEnabled":
			it.UserVolumeEncryptionEnabled, err = smithyBool(sv)
		case "RootVolumeEncryptionEnabled":
			it.RootVolumeEncryptionEnabled, err = smithyBool(sv)
		case "Score":
			it.Score, err = smithycbor.AsFloat64(sv)
		case "Created":
			it.Created, err = smithycbor.AsTime(sv)
			it.Created = it.Created.UTC()
		case "WorkspaceProperties":
			p, ok := sv.(smithycbor.Map)
			if !ok {
				return fmt.Errorf("WorkspaceProperties: expected map, got %T", sv)
			}
			for pk, pv := range p {
				if smithyIsNil(pv) {
					continue
				}
				switch pk {
				case "RunningMode":
					it.WorkspaceProperties.RunningMode, err = smithyString(pv)
				case "ComputeTypeName":
					it.WorkspaceProperties.ComputeTypeName, err = smithyString(pv)
				case "RunningModeAutoStopTimeoutInMinutes":
					it.WorkspaceProperties.RunningModeAutoStopTimeoutInMinutes, err = smithycbor.AsInt32(pv)
				case "RootVolumeSizeGib":
					it.WorkspaceProperties.RootVolumeSizeGib, err = smithycbor.AsInt32(pv)
				case "UserVolumeSizeGib":
					it.WorkspaceProperties.UserVolumeSizeGib, err = smithycbor.AsInt32(pv)
				}
				if err != nil {
					return err
				}
			}
		case "ModificationStates":
			l, ok := sv.(smithycbor.List)
			if !ok {
				return fmt.Errorf("ModificationStates: expected list, got %T", sv)
			}
			it.ModificationStates = make([]benchModState, 0, len(l))
			for _, x := range l {
				mm, ok := x.(smithycbor.Map)
				if !ok {
					return fmt.Errorf("expected map, got %T", x)
				}
				var ms benchModState
				for mk, mv := range mm {
					if smithyIsNil(mv) {
						continue
					}
					switch mk {
					case "Resource":
						ms.Resource, err = smithyString(mv)
					case "State":
						ms.State, err = smithyString(mv)
					}
					if err != nil {
						return err
					}
				}
				it.ModificationStates = append(it.ModificationStates, ms)
			}
		case "Tags":
			l, ok := sv.(smithycbor.List)
			if !ok {
				return fmt.Errorf("Tags: expected list, got %T", sv)
			}
			it.Tags = make([]string, 0, len(l))
			for _, x := range l {
				if smithyIsNil(x) {
					continue
				}
				s, err := smithyString(x)
				if err != nil {
					return err
				}
				it.Tags = append(it.Tags, s)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// smithyBenchTree builds the Value tree aws-sdk-go-v2's serializers build
// before calling Encode.
func smithyBenchTree(v *benchOutput) smithycbor.Value {
	l := make(smithycbor.List, 0, len(v.Workspaces))
	for i := range v.Workspaces {
		it := &v.Workspaces[i]
		ms := make(smithycbor.List, 0, len(it.ModificationStates))
		for _, m := range it.ModificationStates {
			ms = append(ms, smithycbor.Map{"Resource": smithycbor.String(m.Resource), "State": smithycbor.String(m.State)})
		}
		tags := make(smithycbor.List, 0, len(it.Tags))
		for _, s := range it.Tags {
			tags = append(tags, smithycbor.String(s))
		}
		p := &it.WorkspaceProperties
		l = append(l, smithycbor.Map{
			"WorkspaceId":                 smithycbor.String(it.WorkspaceId),
			"DirectoryId":                 smithycbor.String(it.DirectoryId),
			"UserName":                    smithycbor.String(it.UserName),
			"IpAddress":                   smithycbor.String(it.IpAddress),
			"State":                       smithycbor.String(it.State),
			"BundleId":                    smithycbor.String(it.BundleId),
			"SubnetId":                    smithycbor.String(it.SubnetId),
			"ErrorMessage":                smithycbor.String(it.ErrorMessage),
			"ComputerName":                smithycbor.String(it.ComputerName),
			"UserVolumeEncryptionEnabled": smithycbor.Bool(it.UserVolumeEncryptionEnabled),
			"RootVolumeEncryptionEnabled": smithycbor.Bool(it.RootVolumeEncryptionEnabled),
			"Score":                       smithycbor.Float64(it.Score),
			"Created":                     &smithycbor.Tag{ID: 1, Value: smithycbor.Float64(float64(it.Created.UnixMilli()) / 1000)},
			"WorkspaceProperties": smithycbor.Map{
				"RunningMode":                         smithycbor.String(p.RunningMode),
				"RunningModeAutoStopTimeoutInMinutes": smithyInt(int64(p.RunningModeAutoStopTimeoutInMinutes)),
				"RootVolumeSizeGib":                   smithyInt(int64(p.RootVolumeSizeGib)),
				"UserVolumeSizeGib":                   smithyInt(int64(p.UserVolumeSizeGib)),
				"ComputeTypeName":                     smithycbor.String(p.ComputeTypeName),
			},
			"ModificationStates": ms,
			"Tags":               tags,
		})
	}
	return smithycbor.Map{"Workspaces": l, "NextToken": smithycbor.String(v.NextToken)}
}

func smithyInt(v int64) smithycbor.Value {
	if v < 0 {
		return smithycbor.NegInt(uint64(-v))
	}
	return smithycbor.Uint(uint64(v))
}

// TestBenchDecodersAgree keeps the benchmark honest, and checks interop:
// both decoders read the same values from smithy-go's encoding of the
// payload and from ours.
func TestBenchDecodersAgree(t *testing.T) {
	want := benchValue(50)
	ours := NewEncoder()
	defer ours.Release()
	encodeBenchOutput(ours, &want)
	for name, data := range map[string][]byte{"smithy-go encoding": benchPayload(50), "our encoding": ours.Bytes()} {
		var d Decoder
		got, err := decodeBench(&d, data)
		if err != nil {
			t.Fatalf("%s: ours: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: ours decoded\n%+v\nwant\n%+v", name, got.Workspaces[0], want.Workspaces[0])
		}
		theirs, err := smithyDecodeOutput(data)
		if err != nil {
			t.Fatalf("%s: smithy-go: %v", name, err)
		}
		if !reflect.DeepEqual(theirs, want) {
			t.Errorf("%s: smithy-go decoded\n%+v\nwant\n%+v", name, theirs.Workspaces[0], want.Workspaces[0])
		}
	}
}

// BenchmarkCodec is the benchmark that chose this package over smithy-go's
// encoding/cbor (docs/PERFORMANCE.md, "CBOR codec").
func BenchmarkCodec(b *testing.B) {
	data := benchPayload(50)
	value := benchValue(50)
	b.Run("decode/impl=eucsdk", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		var d Decoder
		for b.Loop() {
			if _, err := decodeBench(&d, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode/impl=smithy-go", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := smithyDecodeOutput(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode/impl=eucsdk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e := NewEncoder()
			encodeBenchOutput(e, &value)
			if len(e.Bytes()) == 0 {
				b.Fatal("empty")
			}
			e.Release()
		}
	})
	b.Run("encode/impl=smithy-go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if len(smithycbor.Encode(smithyBenchTree(&value))) == 0 {
				b.Fatal("empty")
			}
		}
	})
}
