package emulator_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/eucsdk/eucsdk/emulator"
)

// TestConstraintsFromModel: the generated checks reject what the models
// constrain, nested members and list elements included, in AWS's wording,
// on hand-written and fallback operations alike; nothing is stored.
func TestConstraintsFromModel(t *testing.T) {
	emu := emulator.NewServer(t)
	for _, c := range []struct {
		svc, target, body string
		want              []string
	}{
		{"appstream", "PhotonAdminProxyService.CreateFleet",
			`{"Name":"f1","InstanceType":"stream.standard.small","FleetType":"SLOW","ComputeCapacity":{"DesiredInstances":1},"VpcConfig":{"SubnetIds":["subnet-1",""]}}`,
			[]string{"Value 'SLOW' at 'fleetType' failed to satisfy constraint: Member must satisfy enum value set: [",
				"Value '' at 'vpcConfig.subnetIds.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1"}},
		{"appstream", "PhotonAdminProxyService.DescribeImages", `{"MaxResults":26}`,
			[]string{"1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25"}},
		{"appstream", "PhotonAdminProxyService.CreateImageBuilder", `{"Name":"bad name!","InstanceType":"stream.standard.small"}`,
			[]string{"Value 'bad name!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$"}},
		// Answered by the fallback: the front end checks it all the same.
		{"appstream", "PhotonAdminProxyService.CreateUsageReportSubscription", `{}`, nil},
		{"workspaces", "WorkspacesService.DescribeWorkspaces", `{"Limit":100}`,
			[]string{"Value '100' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 25"}},
		{"workspaces", "WorkspacesService.CreateTags", `{"ResourceId":"ws-01234567","Tags":[{"Key":"` + strings.Repeat("k", 128) + `"}]}`,
			[]string{"at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 127"}},
	} {
		r := rawCall(t, emu, emulator.DefaultAccount, c.svc, c.target, c.body, nil)
		if c.want == nil {
			if r.status != 200 {
				t.Errorf("%s %s: %d %v", c.target, c.body, r.status, r.body)
			}
			continue
		}
		wantRawError(t, r, 400, "ValidationException")
		msg, _ := r.body["message"].(string)
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: message\n%s\ndoes not contain\n%s", c.target, msg, w)
			}
		}
	}
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeFleets", `{}`, nil)
	if l, _ := r.body["Fleets"].([]any); len(l) != 0 {
		t.Errorf("a rejected CreateFleet stored a fleet: %v", r.body)
	}
}

// TestViolationsRedactSensitiveValues: a sensitive member's value never
// reaches a validation message (nor, through it, the -v log).
func TestViolationsRedactSensitiveValues(t *testing.T) {
	var log strings.Builder
	emu := emulator.NewServer(t, emulator.WithRequestLog(&syncWriter{w: &log}))
	secret := "Sensitive-" + strings.Repeat("x", 130) + "@example.com"
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.CreateUser",
		`{"UserName":"`+secret+`","AuthenticationType":"USERPOOL","FirstName":"`+strings.Repeat("F", 2100)+`"}`, nil)
	wantRawError(t, r, 400, "ValidationException")
	msg, _ := r.body["message"].(string)
	if !strings.Contains(msg, "*** Sensitive Data Redacted ***") || strings.Contains(msg, "Sensitive-") || strings.Contains(msg, "FFFF") {
		t.Errorf("message: %s", msg)
	}
	if strings.Contains(log.String(), "Sensitive-") || strings.Contains(log.String(), "FFFF") {
		t.Errorf("log: %s", log.String())
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
