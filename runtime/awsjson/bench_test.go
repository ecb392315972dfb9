package awsjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"
)

// The benchmark payload is shaped like a WorkSpaces DescribeWorkspaces
// response: 50 objects of ~15 members with a nested structure, a list of
// structures, a list of strings and an epoch timestamp.

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

// benchItem is what a generated deserializer fills in.
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

// stdItem is the encoding/json equivalent: identical except that the
// timestamp stays a float64, which flatters encoding/json (no conversion).
type stdItem struct {
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
	Created                     float64
	WorkspaceProperties         benchProps
	ModificationStates          []benchModState
	Tags                        []string
}

type stdOutput struct {
	Workspaces []stdItem
	NextToken  string
}

func benchPayload(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"Workspaces":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"WorkspaceId":"ws-%09d","DirectoryId":"d-90670b%04d","UserName":"user.name%d",`+
			`"IpAddress":"10.0.%d.%d","State":"AVAILABLE","BundleId":"wsb-b0s22j3d7","SubnetId":"subnet-0a1b2c3d4e5f%02d",`+
			`"ErrorMessage":"","ComputerName":"WSAMZN-%06d","UserVolumeEncryptionEnabled":%t,"RootVolumeEncryptionEnabled":false,`+
			`"Score":%d.25,"Created":1398796238.%03d,`+
			`"WorkspaceProperties":{"RunningMode":"AUTO_STOP","RunningModeAutoStopTimeoutInMinutes":60,"RootVolumeSizeGib":80,"UserVolumeSizeGib":50,"ComputeTypeName":"STANDARD"},`+
			`"ModificationStates":[{"Resource":"ROOT_VOLUME","State":"UPDATE_IN_PROGRESS"},{"Resource":"COMPUTE_TYPE","State":"UPDATE_INITIATED"}],`+
			`"Tags":["team:platform","env:prod","cost-center:\u00e9t\u00e9 42"],"UnknownFutureMember":{"a":[1,2,{"b":null}]}}`,
			i, i, i, i/256, i%256, i%100, i, i%2 == 0, i, i%1000)
	}
	b.WriteString(`],"NextToken":"eyJ2IjoxLCJjIjoiQUJDIn0="}`)
	return b.Bytes()
}

// decodeBenchOutput is written the way the generator emits deserializers:
// one function per shape, a switch on the member name, Null checks for
// absent members, Skip for unknown ones.
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
				v.Workspaces = make([]benchItem, 0, 8)
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
			v.Created = d.TimestampEpochSeconds()
		case "WorkspaceProperties":
			decodeBenchProps(d, &v.WorkspaceProperties)
		case "ModificationStates":
			if d.ArrayStart() {
				v.ModificationStates = make([]benchModState, 0, 4)
				for d.NextElem() {
					var m benchModState
					decodeBenchModState(d, &m)
					v.ModificationStates = append(v.ModificationStates, m)
				}
			}
		case "Tags":
			if d.ArrayStart() {
				v.Tags = make([]string, 0, 4)
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

func decodeBench(data []byte) (benchOutput, error) {
	var d Decoder
	d.Reset(data)
	var out benchOutput
	decodeBenchOutput(&d, &out)
	d.End()
	return out, d.Err()
}

// TestBenchDecoderMatchesEncodingJSON keeps the benchmark honest: both
// sides must produce the same values from the same bytes.
func TestBenchDecoderMatchesEncodingJSON(t *testing.T) {
	data := benchPayload(50)
	got, err := decodeBench(data)
	if err != nil {
		t.Fatal(err)
	}
	var std stdOutput
	if err := json.Unmarshal(data, &std); err != nil {
		t.Fatal(err)
	}
	if len(got.Workspaces) != 50 || got.NextToken != std.NextToken {
		t.Fatalf("got %d workspaces, token %q", len(got.Workspaces), got.NextToken)
	}
	for i, w := range got.Workspaces {
		s := std.Workspaces[i]
		wantCreated := time.UnixMilli(int64(math.Round(s.Created * 1000))).UTC()
		if !w.Created.Equal(wantCreated) {
			t.Errorf("item %d: Created = %v, want %v", i, w.Created, wantCreated)
		}
		conv := stdItem{
			w.WorkspaceId, w.DirectoryId, w.UserName, w.IpAddress, w.State, w.BundleId, w.SubnetId,
			w.ErrorMessage, w.ComputerName, w.UserVolumeEncryptionEnabled, w.RootVolumeEncryptionEnabled,
			w.Score, s.Created, w.WorkspaceProperties, w.ModificationStates, w.Tags,
		}
		if !reflect.DeepEqual(conv, s) {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, conv, s)
		}
	}
}

func BenchmarkDecode50(b *testing.B) {
	data := benchPayload(50)
	b.Run("awsjson", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeBench(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json-structs", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var out stdOutput
			if err := json.Unmarshal(data, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What aws-sdk-go-v2's generated deserializers do: decode into an
	// interface{} tree with UseNumber, then walk it into the typed output.
	b.Run("interface-tree-like-aws-sdk-go-v2", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var tree any
			if err := dec.Decode(&tree); err != nil {
				b.Fatal(err)
			}
			var out benchOutput
			walkTree(tree, &out)
		}
	})
}

func walkTree(tree any, out *benchOutput) {
	m, _ := tree.(map[string]any)
	out.NextToken, _ = m["NextToken"].(string)
	list, _ := m["Workspaces"].([]any)
	out.Workspaces = make([]benchItem, 0, len(list))
	for _, x := range list {
		o, _ := x.(map[string]any)
		var it benchItem
		str := func(k string) string { s, _ := o[k].(string); return s }
		it.WorkspaceId, it.DirectoryId, it.UserName = str("WorkspaceId"), str("DirectoryId"), str("UserName")
		it.IpAddress, it.State, it.BundleId = str("IpAddress"), str("State"), str("BundleId")
		it.SubnetId, it.ErrorMessage, it.ComputerName = str("SubnetId"), str("ErrorMessage"), str("ComputerName")
		it.UserVolumeEncryptionEnabled, _ = o["UserVolumeEncryptionEnabled"].(bool)
		it.RootVolumeEncryptionEnabled, _ = o["RootVolumeEncryptionEnabled"].(bool)
		if n, ok := o["Score"].(json.Number); ok {
			it.Score, _ = n.Float64()
		}
		if n, ok := o["Created"].(json.Number); ok {
			f, _ := n.Float64()
			it.Created = time.UnixMilli(int64(math.Round(f * 1000))).UTC()
		}
		if p, ok := o["WorkspaceProperties"].(map[string]any); ok {
			it.WorkspaceProperties.RunningMode, _ = p["RunningMode"].(string)
			it.WorkspaceProperties.ComputeTypeName, _ = p["ComputeTypeName"].(string)
			for k, dst := range map[string]*int32{
				"RunningModeAutoStopTimeoutInMinutes": &it.WorkspaceProperties.RunningModeAutoStopTimeoutInMinutes,
				"RootVolumeSizeGib":                   &it.WorkspaceProperties.RootVolumeSizeGib,
				"UserVolumeSizeGib":                   &it.WorkspaceProperties.UserVolumeSizeGib,
			} {
				if n, ok := p[k].(json.Number); ok {
					v, _ := n.Int64()
					*dst = int32(v)
				}
			}
		}
		if ms, ok := o["ModificationStates"].([]any); ok {
			for _, y := range ms {
				mo, _ := y.(map[string]any)
				r, _ := mo["Resource"].(string)
				s, _ := mo["State"].(string)
				it.ModificationStates = append(it.ModificationStates, benchModState{r, s})
			}
		}
		if tags, ok := o["Tags"].([]any); ok {
			for _, y := range tags {
				s, _ := y.(string)
				it.Tags = append(it.Tags, s)
			}
		}
		out.Workspaces = append(out.Workspaces, it)
	}
}

func BenchmarkEncodeString(b *testing.B) {
	e := NewEncoder()
	defer e.Release()
	s := "arn:aws:workspaces:us-east-1:123456789012:workspace/ws-0123456789"
	b.ReportAllocs()
	for b.Loop() {
		e.Reset()
		e.String(s)
	}
}
