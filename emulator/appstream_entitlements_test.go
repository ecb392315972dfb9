package emulator_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

// TestEntitlements covers an entitlement's life on its stack: the stack
// must exist, duplicates and missing ones get the entitlement errors,
// applications are associated and listed, and deleting the stack takes
// its entitlements with it.
func TestEntitlements(t *testing.T) {
	emu := emulator.NewServer(t)
	c := asClient(emu, emulator.DefaultAccount)
	in := &appstream.CreateEntitlementInput{Name: aws.String("e1"), StackName: aws.String("s1"), AppVisibility: types.AppVisibilityAll,
		Attributes: []types.EntitlementAttribute{{Name: aws.String("roles"), Value: aws.String("dev")}}}
	_, err := c.CreateEntitlement(ctx, in)
	wantCode(t, err, "ResourceNotFoundException", 404)
	if _, err := c.CreateStack(ctx, &appstream.CreateStackInput{Name: aws.String("s1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateEntitlement(ctx, in); err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateEntitlement(ctx, in)
	wantCode(t, err, "EntitlementAlreadyExistsException", 400)
	u, err := c.UpdateEntitlement(ctx, &appstream.UpdateEntitlementInput{Name: aws.String("e1"), StackName: aws.String("s1"), Description: aws.String("d")})
	if err != nil || aws.ToString(u.Entitlement.Description) != "d" || u.Entitlement.AppVisibility != types.AppVisibilityAll {
		t.Fatalf("update: %v %+v", err, u)
	}
	for _, app := range []string{"notepad", "calc"} {
		if _, err := c.AssociateApplicationToEntitlement(ctx, &appstream.AssociateApplicationToEntitlementInput{StackName: aws.String("s1"), EntitlementName: aws.String("e1"), ApplicationIdentifier: aws.String(app)}); err != nil {
			t.Fatal(err)
		}
	}
	l, err := c.ListEntitledApplications(ctx, &appstream.ListEntitledApplicationsInput{StackName: aws.String("s1"), EntitlementName: aws.String("e1")})
	if err != nil || len(l.EntitledApplications) != 2 || aws.ToString(l.EntitledApplications[0].ApplicationIdentifier) != "calc" {
		t.Fatalf("list: %v %+v", err, l)
	}
	d, err := c.DescribeEntitlements(ctx, &appstream.DescribeEntitlementsInput{StackName: aws.String("s1")})
	if err != nil || len(d.Entitlements) != 1 {
		t.Fatalf("describe: %v %+v", err, d)
	}
	if _, err := c.DeleteStack(ctx, &appstream.DeleteStackInput{Name: aws.String("s1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateStack(ctx, &appstream.CreateStackInput{Name: aws.String("s1")}); err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeEntitlements(ctx, &appstream.DescribeEntitlementsInput{StackName: aws.String("s1"), Name: aws.String("e1")})
	wantCode(t, err, "EntitlementNotFoundException", 400)
}
