package emulator_test

import (
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/emulator"
)

// asCall is one AppStream call on the wire; it fails the test unless the
// answer has the wanted status.
func asCall(t *testing.T, emu *emulator.Emulator, op, body string, status int) map[string]any {
	t.Helper()
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService."+op, body, nil)
	if r.status != status {
		t.Fatalf("%s %s: %d %v, want %d", op, body, r.status, r.body, status)
	}
	if status != 200 && r.header.Get("X-Amzn-Errortype") != r.body["__type"] {
		t.Errorf("%s: x-amzn-errortype %q, __type %v", op, r.header.Get("X-Amzn-Errortype"), r.body["__type"])
	}
	return r.body
}

func items(t *testing.T, body map[string]any, key string) []map[string]any {
	t.Helper()
	l, ok := body[key].([]any)
	if !ok {
		t.Fatalf("%s missing or not a list: %v", key, body)
	}
	out := make([]map[string]any, len(l))
	for i, x := range l {
		out[i] = x.(map[string]any)
	}
	return out
}

// The model gives ResourceNotFoundException HTTP 404 and
// ResourceAlreadyExistsException 400; the generated codec sends those.

// TestApplicationsStateful: create, describe (all and by ARN), update,
// delete; a second create of the same name and a missing one fail as AWS does.
func TestApplicationsStateful(t *testing.T) {
	emu := emulator.NewServer(t)
	const app = `{"Name":"notepad","AppBlockArn":"arn:aws:appstream:us-east-1:111111111111:app-block/ab1","IconS3Location":{"S3Bucket":"icons"},"LaunchPath":"C:\\np.exe","Platforms":["WINDOWS_SERVER_2022"],"InstanceFamilies":["GENERAL_PURPOSE"],"DisplayName":"Notepad"}`
	out := asCall(t, emu, "CreateApplication", app, 200)
	a := out["Application"].(map[string]any)
	if a["Name"] != "notepad" || a["DisplayName"] != "Notepad" || a["Arn"] == nil || a["CreatedTime"] == nil {
		t.Fatalf("CreateApplication: %v", a)
	}
	arn := a["Arn"].(string)
	asCall(t, emu, "CreateApplication", app, 400)
	asCall(t, emu, "UpdateApplication", `{"Name":"notepad","DisplayName":"Notepad++"}`, 200)
	l := items(t, asCall(t, emu, "DescribeApplications", `{"Arns":["`+arn+`"]}`, 200), "Applications")
	if len(l) != 1 || l[0]["DisplayName"] != "Notepad++" || l[0]["LaunchPath"] != `C:\np.exe` {
		t.Fatalf("DescribeApplications: %v", l)
	}
	if l := items(t, asCall(t, emu, "DescribeApplications", `{"Arns":["arn:aws:appstream:us-east-1:111111111111:application/other"]}`, 200), "Applications"); len(l) != 0 {
		t.Errorf("filter by another ARN: %v", l)
	}
	// Another account sees nothing.
	r := rawCall(t, emu, emulator.PeerAccount, "appstream", "PhotonAdminProxyService.DescribeApplications", `{}`, nil)
	if l := items(t, r.body, "Applications"); len(l) != 0 {
		t.Errorf("peer account sees %v", l)
	}
	asCall(t, emu, "DeleteApplication", `{"Name":"notepad"}`, 200)
	asCall(t, emu, "DeleteApplication", `{"Name":"notepad"}`, 404)
	asCall(t, emu, "UpdateApplication", `{"Name":"notepad"}`, 404)
	if l := items(t, asCall(t, emu, "DescribeApplications", `{}`, 200), "Applications"); len(l) != 0 {
		t.Errorf("after delete: %v", l)
	}
}

// TestAppBlocksStateful: an app block starts INACTIVE and is found by ARN.
func TestAppBlocksStateful(t *testing.T) {
	emu := emulator.NewServer(t)
	out := asCall(t, emu, "CreateAppBlock", `{"Name":"ab1","SourceS3Location":{"S3Bucket":"src"},"SetupScriptDetails":{"ScriptS3Location":{"S3Bucket":"src"},"ExecutablePath":"setup.exe","TimeoutInSeconds":60}}`, 200)
	ab := out["AppBlock"].(map[string]any)
	if ab["State"] != "INACTIVE" {
		t.Errorf("new app block state %v", ab["State"])
	}
	l := items(t, asCall(t, emu, "DescribeAppBlocks", `{"Arns":["`+ab["Arn"].(string)+`"]}`, 200), "AppBlocks")
	if len(l) != 1 || l[0]["Name"] != "ab1" {
		t.Fatalf("DescribeAppBlocks: %v", l)
	}
	asCall(t, emu, "DeleteAppBlock", `{"Name":"ab1"}`, 200)
	asCall(t, emu, "DeleteAppBlock", `{"Name":"ab1"}`, 404)
}

// TestAppBlockBuildersLifecycle: STOPPED → STARTING → RUNNING → STOPPING →
// STOPPED on the emulator's clock, then update and delete.
func TestAppBlockBuildersLifecycle(t *testing.T) {
	emu, clk := newManual(t)
	asCall(t, emu, "CreateAppBlockBuilder", `{"Name":"abb1","Platform":"WINDOWS_SERVER_2019","InstanceType":"stream.standard.small","VpcConfig":{"SubnetIds":["subnet-1"]}}`, 200)
	state := func() any {
		l := items(t, asCall(t, emu, "DescribeAppBlockBuilders", `{"Names":["abb1"]}`, 200), "AppBlockBuilders")
		if len(l) != 1 {
			t.Fatalf("DescribeAppBlockBuilders: %v", l)
		}
		return l[0]["State"]
	}
	for _, step := range []struct {
		op, want string
		wait     time.Duration
	}{{"", "STOPPED", 0}, {"StartAppBlockBuilder", "STARTING", 0}, {"", "RUNNING", delay}, {"StopAppBlockBuilder", "STOPPING", 0}, {"", "STOPPED", delay}} {
		if step.op != "" {
			asCall(t, emu, step.op, `{"Name":"abb1"}`, 200)
		}
		clk.Advance(step.wait)
		if got := state(); got != step.want {
			t.Fatalf("after %s +%s: state %v, want %s", step.op, step.wait, got, step.want)
		}
	}
	asCall(t, emu, "UpdateAppBlockBuilder", `{"Name":"abb1","DisplayName":"Builder"}`, 200)
	l := items(t, asCall(t, emu, "DescribeAppBlockBuilders", `{}`, 200), "AppBlockBuilders")
	if len(l) != 1 || l[0]["DisplayName"] != "Builder" || l[0]["InstanceType"] != "stream.standard.small" {
		t.Fatalf("after update: %v", l)
	}
	asCall(t, emu, "StartAppBlockBuilder", `{"Name":"nope"}`, 404)
	asCall(t, emu, "DeleteAppBlockBuilder", `{"Name":"abb1"}`, 200)
	if l := items(t, asCall(t, emu, "DescribeAppBlockBuilders", `{}`, 200), "AppBlockBuilders"); len(l) != 0 {
		t.Errorf("after delete: %v", l)
	}
}

// TestDirectoryConfigsStateful: by directory name, with the service
// account credentials never echoed beyond what the model returns.
func TestDirectoryConfigsStateful(t *testing.T) {
	emu := emulator.NewServer(t)
	asCall(t, emu, "CreateDirectoryConfig", `{"DirectoryName":"corp.example.com","OrganizationalUnitDistinguishedNames":["OU=a"]}`, 200)
	asCall(t, emu, "UpdateDirectoryConfig", `{"DirectoryName":"corp.example.com","OrganizationalUnitDistinguishedNames":["OU=a","OU=b"]}`, 200)
	l := items(t, asCall(t, emu, "DescribeDirectoryConfigs", `{"DirectoryNames":["corp.example.com"]}`, 200), "DirectoryConfigs")
	if len(l) != 1 || len(l[0]["OrganizationalUnitDistinguishedNames"].([]any)) != 2 {
		t.Fatalf("DescribeDirectoryConfigs: %v", l)
	}
	asCall(t, emu, "DeleteDirectoryConfig", `{"DirectoryName":"corp.example.com"}`, 200)
	asCall(t, emu, "DeleteDirectoryConfig", `{"DirectoryName":"corp.example.com"}`, 404)
}

// TestUsageReportSubscription: one per account; deleting a missing one fails.
func TestUsageReportSubscription(t *testing.T) {
	emu := emulator.NewServer(t)
	if l := items(t, asCall(t, emu, "DescribeUsageReportSubscriptions", `{}`, 200), "UsageReportSubscriptions"); len(l) != 0 {
		t.Fatalf("before: %v", l)
	}
	asCall(t, emu, "CreateUsageReportSubscription", `{}`, 200)
	if l := items(t, asCall(t, emu, "DescribeUsageReportSubscriptions", `{}`, 200), "UsageReportSubscriptions"); len(l) != 1 {
		t.Fatalf("after create: %v", l)
	}
	asCall(t, emu, "DeleteUsageReportSubscription", `{}`, 200)
	asCall(t, emu, "DeleteUsageReportSubscription", `{}`, 404)
}

// TestThemesStateful: a theme per stack; a stack without one is not found.
func TestThemesStateful(t *testing.T) {
	emu := emulator.NewServer(t)
	asCall(t, emu, "DescribeThemeForStack", `{"StackName":"s1"}`, 404)
	asCall(t, emu, "CreateThemeForStack", `{"StackName":"s1","TitleText":"Hi","ThemeStyling":"BLUE","OrganizationLogoS3Location":{"S3Bucket":"logos"},"FaviconS3Location":{"S3Bucket":"logos"}}`, 200)
	asCall(t, emu, "UpdateThemeForStack", `{"StackName":"s1","ThemeStyling":"RED"}`, 200)
	th := asCall(t, emu, "DescribeThemeForStack", `{"StackName":"s1"}`, 200)["Theme"].(map[string]any)
	if th["StackName"] != "s1" || th["ThemeStyling"] != "RED" {
		t.Fatalf("theme: %v", th)
	}
	asCall(t, emu, "DeleteThemeForStack", `{"StackName":"s1"}`, 200)
	asCall(t, emu, "DescribeThemeForStack", `{"StackName":"s1"}`, 404)
}

// TestTagsByARN: tags set on any ARN are listed and removed.
func TestTagsByARN(t *testing.T) {
	emu := emulator.NewServer(t)
	const arn = "arn:aws:appstream:us-east-1:111111111111:application/a1"
	asCall(t, emu, "TagResource", `{"ResourceArn":"`+arn+`","Tags":{"team":"x","env":"dev"}}`, 200)
	asCall(t, emu, "UntagResource", `{"ResourceArn":"`+arn+`","TagKeys":["env"]}`, 200)
	tags := asCall(t, emu, "ListTagsForResource", `{"ResourceArn":"`+arn+`"}`, 200)["Tags"].(map[string]any)
	if len(tags) != 1 || tags["team"] != "x" {
		t.Fatalf("tags: %v", tags)
	}
}

// TestAccountSettingsStored: WorkSpaces account-level settings (no
// resource to see them on) are returned as set.
func TestAccountSettingsStored(t *testing.T) {
	emu := emulator.NewServer(t)
	call := func(op, body string) map[string]any {
		r := rawCall(t, emu, emulator.DefaultAccount, "workspaces", "WorkspacesService."+op, body, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %v", op, r.status, r.body)
		}
		return r.body
	}
	call("ModifyAccount", `{"DedicatedTenancySupport":"ENABLED","DedicatedTenancyManagementCidrRange":"10.0.0.0/16"}`)
	if a := call("DescribeAccount", `{}`); a["DedicatedTenancySupport"] != "ENABLED" || a["DedicatedTenancyManagementCidrRange"] != "10.0.0.0/16" {
		t.Errorf("DescribeAccount: %v", a)
	}
	call("ModifyClientProperties", `{"ResourceId":"d-1234567890","ClientProperties":{"ReconnectEnabled":"DISABLED"}}`)
	l := items(t, call("DescribeClientProperties", `{"ResourceIds":["d-1234567890"]}`), "ClientPropertiesList")
	if len(l) != 1 || l[0]["ResourceId"] != "d-1234567890" || l[0]["ClientProperties"].(map[string]any)["ReconnectEnabled"] != "DISABLED" {
		t.Errorf("DescribeClientProperties: %v", l)
	}
}
