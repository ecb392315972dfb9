package emulator_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

// TestUsersAndStackAssociations covers the user pool: create, describe,
// disable/enable, associate with a stack (per-entry errors for a missing
// user or stack), list associations, disassociate, delete.
func TestUsersAndStackAssociations(t *testing.T) {
	emu := emulator.NewServer(t)
	c := asClient(emu, emulator.DefaultAccount)
	pool := types.AuthenticationTypeUserpool
	if _, err := c.CreateUser(ctx, &appstream.CreateUserInput{UserName: aws.String("ann@example.com"), AuthenticationType: pool, FirstName: aws.String("Ann")}); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateUser(ctx, &appstream.CreateUserInput{UserName: aws.String("ann@example.com"), AuthenticationType: pool})
	wantCode(t, err, "ResourceAlreadyExistsException", 400)
	if _, err := c.DisableUser(ctx, &appstream.DisableUserInput{UserName: aws.String("ann@example.com"), AuthenticationType: pool}); err != nil {
		t.Fatal(err)
	}
	d, err := c.DescribeUsers(ctx, &appstream.DescribeUsersInput{AuthenticationType: pool})
	if err != nil || len(d.Users) != 1 || aws.ToBool(d.Users[0].Enabled) {
		t.Fatalf("users: %v %+v", err, d)
	}
	if _, err := c.EnableUser(ctx, &appstream.EnableUserInput{UserName: aws.String("ann@example.com"), AuthenticationType: pool}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateStack(ctx, &appstream.CreateStackInput{Name: aws.String("s1")}); err != nil {
		t.Fatal(err)
	}
	b, err := c.BatchAssociateUserStack(ctx, &appstream.BatchAssociateUserStackInput{UserStackAssociations: []types.UserStackAssociation{
		{StackName: aws.String("s1"), UserName: aws.String("ann@example.com"), AuthenticationType: pool},
		{StackName: aws.String("s1"), UserName: aws.String("bob@example.com"), AuthenticationType: pool},
		{StackName: aws.String("nope"), UserName: aws.String("ann@example.com"), AuthenticationType: pool},
	}})
	if err != nil || len(b.Errors) != 2 || b.Errors[0].ErrorCode != types.UserStackAssociationErrorCodeUserNameNotFound || b.Errors[1].ErrorCode != types.UserStackAssociationErrorCodeStackNotFound {
		t.Fatalf("associate: %v %+v", err, b)
	}
	a, err := c.DescribeUserStackAssociations(ctx, &appstream.DescribeUserStackAssociationsInput{StackName: aws.String("s1")})
	if err != nil || len(a.UserStackAssociations) != 1 || aws.ToString(a.UserStackAssociations[0].UserName) != "ann@example.com" {
		t.Fatalf("associations: %v %+v", err, a)
	}
	if _, err := c.BatchDisassociateUserStack(ctx, &appstream.BatchDisassociateUserStackInput{UserStackAssociations: []types.UserStackAssociation{
		{StackName: aws.String("s1"), UserName: aws.String("ann@example.com"), AuthenticationType: pool},
	}}); err != nil {
		t.Fatal(err)
	}
	a, err = c.DescribeUserStackAssociations(ctx, &appstream.DescribeUserStackAssociationsInput{UserName: aws.String("ann@example.com"), AuthenticationType: pool})
	if err != nil || len(a.UserStackAssociations) != 0 {
		t.Fatalf("after disassociate: %v %+v", err, a)
	}
	if _, err := c.DeleteUser(ctx, &appstream.DeleteUserInput{UserName: aws.String("ann@example.com"), AuthenticationType: pool}); err != nil {
		t.Fatal(err)
	}
	_, err = c.EnableUser(ctx, &appstream.EnableUserInput{UserName: aws.String("ann@example.com"), AuthenticationType: pool})
	wantCode(t, err, "ResourceNotFoundException", 404)
}
