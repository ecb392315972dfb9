package emulator_test

import (
	"fmt"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

func rule(cidr string) types.IpRuleItem {
	return types.IpRuleItem{IpRule: aws.String(cidr), RuleDesc: aws.String("office " + cidr)}
}

func ipGroupRules(t *testing.T, c *workspaces.Client, id string) []string {
	t.Helper()
	out, err := c.DescribeIpGroups(ctx, &workspaces.DescribeIpGroupsInput{GroupIds: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Result) != 1 {
		t.Fatalf("DescribeIpGroups(%s) = %+v", id, out.Result)
	}
	var rules []string
	for _, r := range out.Result[0].UserRules {
		rules = append(rules, aws.ToString(r.IpRule))
	}
	return rules
}

func TestWorkSpacesIPGroups(t *testing.T) {
	emu, clk := newManual(t)
	c, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	registerDirectory(t, c, clk, testDir)

	_, err := c.CreateIpGroup(ctx, &workspaces.CreateIpGroupInput{GroupName: aws.String("offices"), UserRules: []types.IpRuleItem{rule("not-a-cidr")}})
	wantCode(t, err, "InvalidParameterValuesException", 400)
	g, err := c.CreateIpGroup(ctx, &workspaces.CreateIpGroupInput{GroupName: aws.String("offices"), GroupDesc: aws.String("office ranges"),
		UserRules: []types.IpRuleItem{rule("203.0.113.0/24")}, Tags: []types.Tag{{Key: aws.String("owner"), Value: aws.String("net")}}})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(g.GroupId)
	_, err = c.CreateIpGroup(ctx, &workspaces.CreateIpGroupInput{GroupName: aws.String("offices")})
	wantCode(t, err, "ResourceAlreadyExistsException", 400)

	if _, err := c.AuthorizeIpRules(ctx, &workspaces.AuthorizeIpRulesInput{GroupId: &id, UserRules: []types.IpRuleItem{rule("198.51.100.0/24"), rule("192.0.2.7/32")}}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ipGroupRules(t, c, id)); got != "[203.0.113.0/24 198.51.100.0/24 192.0.2.7/32]" {
		t.Fatalf("rules after authorize: %s", got)
	}
	if _, err := c.RevokeIpRules(ctx, &workspaces.RevokeIpRulesInput{GroupId: &id, UserRules: []string{"198.51.100.0/24"}}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ipGroupRules(t, c, id)); got != "[203.0.113.0/24 192.0.2.7/32]" {
		t.Fatalf("rules after revoke: %s", got)
	}
	var many []types.IpRuleItem
	for i := 0; i < 11; i++ {
		many = append(many, rule(fmt.Sprintf("10.%d.0.0/16", i)))
	}
	_, err = c.UpdateRulesOfIpGroup(ctx, &workspaces.UpdateRulesOfIpGroupInput{GroupId: &id, UserRules: many})
	wantCode(t, err, "ResourceLimitExceededException", 400)
	if _, err := c.UpdateRulesOfIpGroup(ctx, &workspaces.UpdateRulesOfIpGroupInput{GroupId: &id, UserRules: many[:2]}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ipGroupRules(t, c, id)); got != "[10.0.0.0/16 10.1.0.0/16]" {
		t.Fatalf("rules after update: %s", got)
	}
	_, err = peer.AuthorizeIpRules(ctx, &workspaces.AuthorizeIpRulesInput{GroupId: &id, UserRules: []types.IpRuleItem{rule("192.0.2.0/24")}})
	wantCode(t, err, "ResourceNotFoundException", 400)

	// Associated with a directory, the group cannot be deleted.
	_, err = c.AssociateIpGroups(ctx, &workspaces.AssociateIpGroupsInput{DirectoryId: aws.String(testDir), GroupIds: []string{"wsipg-missing01"}})
	wantCode(t, err, "ResourceNotFoundException", 400)
	if _, err := c.AssociateIpGroups(ctx, &workspaces.AssociateIpGroupsInput{DirectoryId: aws.String(testDir), GroupIds: []string{id}}); err != nil {
		t.Fatal(err)
	}
	if d := describeDirectory(t, c, testDir); fmt.Sprint(d.IpGroupIds) != fmt.Sprint([]string{id}) {
		t.Fatalf("directory IP groups %v", d.IpGroupIds)
	}
	_, err = c.DeleteIpGroup(ctx, &workspaces.DeleteIpGroupInput{GroupId: &id})
	wantCode(t, err, "ResourceAssociatedException", 400)
	if _, err := c.DisassociateIpGroups(ctx, &workspaces.DisassociateIpGroupsInput{DirectoryId: aws.String(testDir), GroupIds: []string{id}}); err != nil {
		t.Fatal(err)
	}
	if d := describeDirectory(t, c, testDir); len(d.IpGroupIds) != 0 {
		t.Fatalf("directory IP groups after disassociating: %v", d.IpGroupIds)
	}
	if _, err := c.DeleteIpGroup(ctx, &workspaces.DeleteIpGroupInput{GroupId: &id}); err != nil {
		t.Fatal(err)
	}
	if out, err := c.DescribeIpGroups(ctx, &workspaces.DescribeIpGroupsInput{}); err != nil || len(out.Result) != 0 {
		t.Fatalf("groups left: %+v, %v", out, err)
	}
}

func TestWorkSpacesTags(t *testing.T) {
	emu, clk := newManual(t)
	c, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	registerDirectory(t, c, clk, testDir)
	ws := createWorkspace(t, c, clk, testDir, "tagged")
	g, err := c.CreateIpGroup(ctx, &workspaces.CreateIpGroupInput{GroupName: aws.String("tagged")})
	if err != nil {
		t.Fatal(err)
	}
	img, err := emu.SeedWorkspaceImage(emulator.DefaultAccount.ID, types.WorkspaceImage{Name: aws.String("tagged")})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{testDir, ws, aws.ToString(g.GroupId), aws.ToString(img.ImageId)} {
		if _, err := c.CreateTags(ctx, &workspaces.CreateTagsInput{ResourceId: aws.String(id), Tags: []types.Tag{
			{Key: aws.String("env"), Value: aws.String("test")}, {Key: aws.String("cost"), Value: aws.String("42")}}}); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if _, err := c.DeleteTags(ctx, &workspaces.DeleteTagsInput{ResourceId: aws.String(id), TagKeys: []string{"env"}}); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		out, err := c.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: aws.String(id)})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		var got []string
		for _, tag := range out.TagList {
			got = append(got, aws.ToString(tag.Key)+"="+aws.ToString(tag.Value))
		}
		want := "[cost=42]"
		if id == testDir {
			want = "[cost=42 team=euc]" // registerDirectory tags it
		}
		if fmt.Sprint(got) != want {
			t.Errorf("%s tags %v, want %s", id, got, want)
		}
		_, err = peer.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: aws.String(id)})
		wantCode(t, err, "ResourceNotFoundException", 400)
	}
	_, err = c.CreateTags(ctx, &workspaces.CreateTagsInput{ResourceId: aws.String(ws), Tags: []types.Tag{{Key: aws.String("aws:reserved"), Value: aws.String("x")}}})
	wantCode(t, err, "InvalidParameterValuesException", 400)
	var many []types.Tag
	for i := 0; i < 50; i++ {
		many = append(many, types.Tag{Key: aws.String(fmt.Sprintf("k%02d", i)), Value: aws.String("v")})
	}
	_, err = c.CreateTags(ctx, &workspaces.CreateTagsInput{ResourceId: aws.String(ws), Tags: many})
	wantCode(t, err, "ResourceLimitExceededException", 400)
	_, err = c.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: aws.String(emulator.PublicBundleStandardWindows)})
	wantCode(t, err, "ResourceNotFoundException", 400)
}
