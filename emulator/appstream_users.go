package emulator

import (
	"fmt"
	"sort"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
)

// AppStream users (the user pool) and their stack associations. Users are
// keyed by authentication type and name, as AppStream keys them: the same
// name may exist once per type.

type asUser struct {
	owner string
	u     types.User
}

func userKey(owner string, auth types.AuthenticationType, name string) string {
	return owner + "/" + string(auth) + "/" + name
}

func (e *Emulator) userOps() map[string]handler {
	return map[string]handler{
		"CreateUser":                    op(e.createUser),
		"DescribeUsers":                 op(e.describeUsers),
		"EnableUser":                    op(e.enableUser),
		"DisableUser":                   op(e.disableUser),
		"DeleteUser":                    op(e.deleteUser),
		"BatchAssociateUserStack":       op(e.batchAssociateUserStack),
		"BatchDisassociateUserStack":    op(e.batchDisassociateUserStack),
		"DescribeUserStackAssociations": op(e.describeUserStackAssociations),
	}
}

func (e *Emulator) createUser(c *call, in *appstream.CreateUserInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	k := userKey(c.acct.ID, in.AuthenticationType, *in.UserName)
	if _, ok := e.asf.users[k]; ok {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("The user %s already exists.", *in.UserName))}
	}
	e.asf.users[k] = &asUser{owner: c.acct.ID, u: types.User{
		Arn:                ptr(fmt.Sprintf("arn:aws:appstream:%s:%s:user/%s/%s", e.region, c.acct.ID, in.AuthenticationType, *in.UserName)),
		UserName:           in.UserName,
		Enabled:            ptr(true),
		Status:             ptr("CONFIRMED"),
		FirstName:          in.FirstName,
		LastName:           in.LastName,
		CreatedTime:        ptr(c.now),
		AuthenticationType: in.AuthenticationType,
	}}
	return &appstream.CreateUserOutput{}, nil
}

func (e *Emulator) user(c *call, auth types.AuthenticationType, name *string) (*asUser, error) {
	u, ok := e.asf.users[userKey(c.acct.ID, auth, deref(name))]
	if !ok {
		return nil, asNotFound("The user %s does not exist.", deref(name))
	}
	return u, nil
}

func (e *Emulator) describeUsers(c *call, in *appstream.DescribeUsersInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	var out []types.User
	for _, u := range e.asf.users {
		if u.owner == c.acct.ID && u.u.AuthenticationType == in.AuthenticationType {
			out = append(out, u.u)
		}
	}
	page, next, err := paginate(e, out, func(u types.User) string { return deref(u.UserName) }, in.NextToken, int(deref(in.MaxResults)), scope(c, in.AuthenticationType))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeUsersOutput{Users: page, NextToken: next}, nil
}

func (e *Emulator) enableUser(c *call, in *appstream.EnableUserInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	u, err := e.user(c, in.AuthenticationType, in.UserName)
	if err != nil {
		return nil, err
	}
	u.u.Enabled = ptr(true)
	return &appstream.EnableUserOutput{}, nil
}

func (e *Emulator) disableUser(c *call, in *appstream.DisableUserInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	u, err := e.user(c, in.AuthenticationType, in.UserName)
	if err != nil {
		return nil, err
	}
	u.u.Enabled = ptr(false)
	return &appstream.DisableUserOutput{}, nil
}

func (e *Emulator) deleteUser(c *call, in *appstream.DeleteUserInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	if _, err := e.user(c, in.AuthenticationType, in.UserName); err != nil {
		return nil, err
	}
	delete(e.asf.users, userKey(c.acct.ID, in.AuthenticationType, *in.UserName))
	for k, a := range e.asf.userStacks {
		if a.owner == c.acct.ID && a.a.AuthenticationType == in.AuthenticationType && deref(a.a.UserName) == *in.UserName {
			delete(e.asf.userStacks, k)
		}
	}
	return &appstream.DeleteUserOutput{}, nil
}

type asUserStack struct {
	owner string
	a     types.UserStackAssociation
}

func userStackKey(owner string, a types.UserStackAssociation) string {
	return userKey(owner, a.AuthenticationType, deref(a.UserName)) + "/" + deref(a.StackName)
}

// userStackCheck is the per-entry check of the batch operations: AWS
// reports a missing stack or user in the output's error list rather than
// failing the whole call.
func (e *Emulator) userStackCheck(c *call, a types.UserStackAssociation) *types.UserStackAssociationError {
	fail := func(code types.UserStackAssociationErrorCode, msg string) *types.UserStackAssociationError {
		return &types.UserStackAssociationError{UserStackAssociation: &a, ErrorCode: code, ErrorMessage: ptr(msg)}
	}
	if _, ok := e.asf.stacks[key(c.acct.ID, deref(a.StackName))]; !ok {
		return fail(types.UserStackAssociationErrorCodeStackNotFound, fmt.Sprintf("The stack %s does not exist.", deref(a.StackName)))
	}
	if _, ok := e.asf.users[userKey(c.acct.ID, a.AuthenticationType, deref(a.UserName))]; !ok {
		return fail(types.UserStackAssociationErrorCodeUserNameNotFound, fmt.Sprintf("The user %s does not exist.", deref(a.UserName)))
	}
	return nil
}

func (e *Emulator) batchAssociateUserStack(c *call, in *appstream.BatchAssociateUserStackInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	var errs []types.UserStackAssociationError
	for _, a := range in.UserStackAssociations {
		if f := e.userStackCheck(c, a); f != nil {
			errs = append(errs, *f)
			continue
		}
		e.asf.userStacks[userStackKey(c.acct.ID, a)] = &asUserStack{owner: c.acct.ID, a: types.UserStackAssociation{
			StackName: a.StackName, UserName: a.UserName, AuthenticationType: a.AuthenticationType,
		}}
	}
	return &appstream.BatchAssociateUserStackOutput{Errors: errs}, nil
}

func (e *Emulator) batchDisassociateUserStack(c *call, in *appstream.BatchDisassociateUserStackInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	var errs []types.UserStackAssociationError
	for _, a := range in.UserStackAssociations {
		if f := e.userStackCheck(c, a); f != nil {
			errs = append(errs, *f)
			continue
		}
		delete(e.asf.userStacks, userStackKey(c.acct.ID, a))
	}
	return &appstream.BatchDisassociateUserStackOutput{Errors: errs}, nil
}

func (e *Emulator) describeUserStackAssociations(c *call, in *appstream.DescribeUserStackAssociationsInput) (any, error) {
	if in.StackName == nil && in.UserName == nil {
		return nil, &types.InvalidParameterCombinationException{Message: ptr("Specify a stack name, a user name and authentication type, or both.")}
	}
	var out []types.UserStackAssociation
	for _, a := range e.asf.userStacks {
		if a.owner != c.acct.ID ||
			(in.StackName != nil && deref(a.a.StackName) != *in.StackName) ||
			(in.UserName != nil && deref(a.a.UserName) != *in.UserName) ||
			(in.AuthenticationType != "" && a.a.AuthenticationType != in.AuthenticationType) {
			continue
		}
		out = append(out, a.a)
	}
	sort.Slice(out, func(i, j int) bool { return userStackKey("", out[i]) < userStackKey("", out[j]) })
	page, next, err := paginate(e, out, func(a types.UserStackAssociation) string { return userStackKey("", a) }, in.NextToken, int(deref(in.MaxResults)),
		scope(c, in.StackName, in.UserName, in.AuthenticationType))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeUserStackAssociationsOutput{UserStackAssociations: page, NextToken: next}, nil
}
