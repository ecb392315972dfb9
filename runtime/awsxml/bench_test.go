package awsxml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The benchmark payload is shaped like an IAM ListRoles response (awsQuery):
// 50 roles of eight string members, an integer, two timestamps, a nested
// structure and a list of tag structures, plus the wrapper, marker and
// request id.

type benchTag struct {
	Key   string
	Value string
}

type benchLastUsed struct {
	LastUsedDate time.Time
	Region       string
}

// benchRole is what a generated deserializer fills in.
type benchRole struct {
	Path                     string
	RoleName                 string
	RoleId                   string
	Arn                      string
	CreateDate               time.Time
	AssumeRolePolicyDocument string
	Description              string
	MaxSessionDuration       int32
	PermissionsBoundaryArn   string
	Tags                     []benchTag
	RoleLastUsed             benchLastUsed
}

type benchOutput struct {
	Roles       []benchRole
	IsTruncated bool
	Marker      string
	RequestID   string
}

func benchBody(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">` + "\n  <ListRolesResult>\n    <IsTruncated>true</IsTruncated>\n")
	b.WriteString("    <Marker>AAEAAWdyZWF0LW1hcmtlci10b2tlbi0xMjM0NTY3ODkw</Marker>\n    <Roles>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `      <member>
        <Path>/service-role/</Path>
        <RoleName>application-role-%03d</RoleName>
        <RoleId>AROAEXAMPLEID%07d</RoleId>
        <Arn>arn:aws:iam::123456789012:role/service-role/application-role-%03d</Arn>
        <CreateDate>2024-0%d-1%dT1%d:2%d:3%dZ</CreateDate>
        <AssumeRolePolicyDocument>%%7B%%22Version%%22%%3A%%222012-10-17%%22%%2C%%22Statement%%22%%3A%%5B%%7B%%22Effect%%22%%3A%%22Allow%%22%%2C%%22Principal%%22%%3A%%7B%%22Service%%22%%3A%%22ec2.amazonaws.com%%22%%7D%%2C%%22Action%%22%%3A%%22sts%%3AAssumeRole%%22%%7D%%5D%%7D</AssumeRolePolicyDocument>
        <Description>Role &amp; policy for application %d, used by the "deploy" pipeline</Description>
        <MaxSessionDuration>3600</MaxSessionDuration>
        <PermissionsBoundary>
          <PermissionsBoundaryType>Policy</PermissionsBoundaryType>
          <PermissionsBoundaryArn>arn:aws:iam::123456789012:policy/boundary</PermissionsBoundaryArn>
        </PermissionsBoundary>
        <Tags>
          <member><Key>team</Key><Value>platform</Value></member>
          <member><Key>env</Key><Value>prod-%d</Value></member>
          <member><Key>cost-center</Key><Value>cc-%04d</Value></member>
        </Tags>
        <RoleLastUsed>
          <LastUsedDate>2025-11-2%dT08:00:0%dZ</LastUsedDate>
          <Region>eu-west-1</Region>
        </RoleLastUsed>
      </member>
`, i, i, i, 1+i%9, i%10, i%10, i%6, i%10, i, i%3, i, i%10, i%10)
	}
	b.WriteString("    </Roles>\n  </ListRolesResult>\n  <ResponseMetadata>\n    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>\n  </ResponseMetadata>\n</ListRolesResponse>\n")
	return b.Bytes()
}

// (a) This package, with straight-line code as the generator will emit it.

func deserTag(d *Decoder, v *benchTag) {
	for d.Next() {
		switch string(d.Name()) {
		case "Key":
			v.Key = d.String()
		case "Value":
			v.Value = d.String()
		default:
			d.Skip()
		}
	}
}

func deserRole(d *Decoder, v *benchRole) {
	for d.Next() {
		switch string(d.Name()) {
		case "Path":
			v.Path = d.String()
		case "RoleName":
			v.RoleName = d.String()
		case "RoleId":
			v.RoleId = d.String()
		case "Arn":
			v.Arn = d.String()
		case "CreateDate":
			v.CreateDate = d.TimestampDateTime()
		case "AssumeRolePolicyDocument":
			v.AssumeRolePolicyDocument = d.String()
		case "Description":
			v.Description = d.String()
		case "MaxSessionDuration":
			v.MaxSessionDuration = d.Int32()
		case "PermissionsBoundary":
			for d.Next() {
				if string(d.Name()) == "PermissionsBoundaryArn" {
					v.PermissionsBoundaryArn = d.String()
				} else {
					d.Skip()
				}
			}
		case "Tags":
			for d.Next() {
				v.Tags = append(v.Tags, benchTag{})
				deserTag(d, &v.Tags[len(v.Tags)-1])
			}
		case "RoleLastUsed":
			for d.Next() {
				switch string(d.Name()) {
				case "LastUsedDate":
					v.RoleLastUsed.LastUsedDate = d.TimestampDateTime()
				case "Region":
					v.RoleLastUsed.Region = d.String()
				default:
					d.Skip()
				}
			}
		default:
			d.Skip()
		}
	}
}

func deserListRolesResult(d *Decoder, v *benchOutput) {
	for d.Next() {
		switch string(d.Name()) {
		case "Roles":
			for d.Next() {
				v.Roles = append(v.Roles, benchRole{})
				deserRole(d, &v.Roles[len(v.Roles)-1])
			}
		case "IsTruncated":
			v.IsTruncated = d.Bool()
		case "Marker":
			v.Marker = d.String()
		default:
			d.Skip()
		}
	}
}

// decodeOurs starts from a fresh Decoder, as a generated operation does, so
// that the Decoder's own buffers are counted.
func decodeOurs(body []byte) (*benchOutput, error) {
	d := new(Decoder)
	d.Reset(body)
	out := new(benchOutput)
	out.RequestID = d.QueryResponse("ListRoles", func(d *Decoder) { deserListRolesResult(d, out) })
	return out, d.Err()
}

func decodeOursString(body string) (*benchOutput, error) {
	d := new(Decoder)
	d.ResetString(body)
	out := new(benchOutput)
	out.RequestID = d.QueryResponse("ListRoles", func(d *Decoder) { deserListRolesResult(d, out) })
	return out, d.Err()
}

// (b) encoding/xml Unmarshal into tagged structs: what a reflective
// deserializer costs.

type stdResponse struct {
	Result struct {
		Roles       []benchRoleStd `xml:"Roles>member"`
		IsTruncated bool
		Marker      string
	} `xml:"ListRolesResult"`
	RequestID string `xml:"ResponseMetadata>RequestId"`
}

type benchRoleStd struct {
	Path                     string
	RoleName                 string
	RoleId                   string
	Arn                      string
	CreateDate               time.Time
	AssumeRolePolicyDocument string
	Description              string
	MaxSessionDuration       int32
	PermissionsBoundaryArn   string        `xml:"PermissionsBoundary>PermissionsBoundaryArn"`
	Tags                     []benchTag    `xml:"Tags>member"`
	RoleLastUsed             benchLastUsed `xml:"RoleLastUsed"`
}

func decodeUnmarshal(body []byte) (*benchOutput, error) {
	var r stdResponse
	if err := xml.Unmarshal(body, &r); err != nil {
		return nil, err
	}
	out := &benchOutput{IsTruncated: r.Result.IsTruncated, Marker: r.Result.Marker, RequestID: r.RequestID}
	out.Roles = make([]benchRole, len(r.Result.Roles))
	for i, s := range r.Result.Roles {
		out.Roles[i] = benchRole(s)
	}
	return out, nil
}

// (c) encoding/xml's Token API with the same straight-line structure as (a):
// what a generator built on encoding/xml's tokenizer would cost.

type tokDecoder struct {
	d    *xml.Decoder
	name string
	err  error
}

// next returns true at a child start element, false at the parent's end.
func (t *tokDecoder) next() bool {
	for t.err == nil {
		tok, err := t.d.Token()
		if err != nil {
			if err != io.EOF {
				t.err = err
			}
			return false
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			t.name = tok.Name.Local
			return true
		case xml.EndElement:
			return false
		}
	}
	return false
}

func (t *tokDecoder) text() string {
	var s string
	for t.err == nil {
		tok, err := t.d.Token()
		if err != nil {
			t.err = err
			return ""
		}
		switch tok := tok.(type) {
		case xml.CharData:
			s += string(tok)
		case xml.EndElement:
			return s
		case xml.StartElement:
			t.err = fmt.Errorf("unexpected <%s>", tok.Name.Local)
		}
	}
	return ""
}

func (t *tokDecoder) skip() {
	if t.err == nil {
		t.err = t.d.Skip()
	}
}

func (t *tokDecoder) timestamp() time.Time {
	ts, err := time.Parse(time.RFC3339, strings.TrimSpace(t.text()))
	if err != nil && t.err == nil {
		t.err = err
	}
	return ts
}

func tokRole(t *tokDecoder, v *benchRole) {
	for t.next() {
		switch t.name {
		case "Path":
			v.Path = t.text()
		case "RoleName":
			v.RoleName = t.text()
		case "RoleId":
			v.RoleId = t.text()
		case "Arn":
			v.Arn = t.text()
		case "CreateDate":
			v.CreateDate = t.timestamp()
		case "AssumeRolePolicyDocument":
			v.AssumeRolePolicyDocument = t.text()
		case "Description":
			v.Description = t.text()
		case "MaxSessionDuration":
			var n int64
			_, err := fmt.Sscan(strings.TrimSpace(t.text()), &n)
			if err != nil && t.err == nil {
				t.err = err
			}
			v.MaxSessionDuration = int32(n)
		case "PermissionsBoundary":
			for t.next() {
				if t.name == "PermissionsBoundaryArn" {
					v.PermissionsBoundaryArn = t.text()
				} else {
					t.skip()
				}
			}
		case "Tags":
			for t.next() {
				var tag benchTag
				for t.next() {
					switch t.name {
					case "Key":
						tag.Key = t.text()
					case "Value":
						tag.Value = t.text()
					default:
						t.skip()
					}
				}
				v.Tags = append(v.Tags, tag)
			}
		case "RoleLastUsed":
			for t.next() {
				switch t.name {
				case "LastUsedDate":
					v.RoleLastUsed.LastUsedDate = t.timestamp()
				case "Region":
					v.RoleLastUsed.Region = t.text()
				default:
					t.skip()
				}
			}
		default:
			t.skip()
		}
	}
}

func decodeTokens(body []byte) (*benchOutput, error) {
	t := &tokDecoder{d: xml.NewDecoder(bytes.NewReader(body))}
	out := new(benchOutput)
	if !t.next() {
		return nil, fmt.Errorf("no root: %v", t.err)
	}
	for t.next() {
		switch t.name {
		case "ListRolesResult":
			for t.next() {
				switch t.name {
				case "Roles":
					for t.next() {
						out.Roles = append(out.Roles, benchRole{})
						tokRole(t, &out.Roles[len(out.Roles)-1])
					}
				case "IsTruncated":
					out.IsTruncated = strings.TrimSpace(t.text()) == "true"
				case "Marker":
					out.Marker = t.text()
				default:
					t.skip()
				}
			}
		case "ResponseMetadata":
			for t.next() {
				if t.name == "RequestId" {
					out.RequestID = t.text()
				} else {
					t.skip()
				}
			}
		default:
			t.skip()
		}
	}
	return out, t.err
}

// TestBenchDecodersAgree: the three contenders decode the payload to the
// same values, so the benchmark compares equal work.
func TestBenchDecodersAgree(t *testing.T) {
	body := benchBody(50)
	a, err := decodeOurs(body)
	if err != nil {
		t.Fatal(err)
	}
	a2, err := decodeOursString(string(body))
	if err != nil {
		t.Fatal(err)
	}
	b, err := decodeUnmarshal(body)
	if err != nil {
		t.Fatal(err)
	}
	c, err := decodeTokens(body)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Roles) != 50 || a.Roles[7].Tags[2].Value != "cc-0007" || a.RequestID == "" ||
		a.Roles[3].Description != `Role & policy for application 3, used by the "deploy" pipeline` ||
		a.Roles[3].PermissionsBoundaryArn == "" || a.Roles[3].RoleLastUsed.Region != "eu-west-1" {
		t.Fatalf("ours decoded %+v", a.Roles[3])
	}
	for name, o := range map[string]*benchOutput{"ours (string)": a2, "Unmarshal": b, "Token": c} {
		if !reflect.DeepEqual(a, o) {
			t.Errorf("%s differs from ours", name)
		}
	}
}

func BenchmarkListRoles(b *testing.B) {
	body := benchBody(50)
	b.Run("impl=awsxml", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		b.ResetTimer()
		cpu := processCPU()
		for i := 0; i < b.N; i++ {
			if _, err := decodeOurs(body); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
	b.Run("impl=awsxml-string", func(b *testing.B) {
		// The body converted to a string once (the copy is counted), so
		// strings are slices of it.
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		b.ResetTimer()
		cpu := processCPU()
		for i := 0; i < b.N; i++ {
			if _, err := decodeOursString(string(body)); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
	b.Run("impl=xml.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		b.ResetTimer()
		cpu := processCPU()
		for i := 0; i < b.N; i++ {
			if _, err := decodeUnmarshal(body); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
	b.Run("impl=xml.Token", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		b.ResetTimer()
		cpu := processCPU()
		for i := 0; i < b.N; i++ {
			if _, err := decodeTokens(body); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
}

// reportCPU adds the process CPU time per op since start (see processCPU).
func reportCPU(b *testing.B, start time.Duration) {
	if used := processCPU() - start; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
