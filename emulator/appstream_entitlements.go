package emulator

import (
	"fmt"
	"sort"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
)

// Entitlements belong to a stack: the stack must exist, names are unique
// per stack, and the entitled applications are a set of identifiers.

type asEntitlement struct {
	owner string
	e     types.Entitlement
	apps  map[string]bool
}

func (e *Emulator) entitlementOps() map[string]handler {
	return map[string]handler{
		"CreateEntitlement":                      op(e.createEntitlement),
		"DescribeEntitlements":                   op(e.describeEntitlements),
		"UpdateEntitlement":                      op(e.updateEntitlement),
		"DeleteEntitlement":                      op(e.deleteEntitlement),
		"AssociateApplicationToEntitlement":      op(e.associateApplicationToEntitlement),
		"DisassociateApplicationFromEntitlement": op(e.disassociateApplicationFromEntitlement),
		"ListEntitledApplications":               op(e.listEntitledApplications),
	}
}

func entKey(owner, stack, name string) string { return owner + "/" + stack + "/" + name }

func (e *Emulator) entitlement(c *call, stack, name *string) (*asEntitlement, error) {
	if _, err := e.stack(c, stack); err != nil {
		return nil, err
	}
	en, ok := e.asf.entitlements[entKey(c.acct.ID, deref(stack), deref(name))]
	if !ok {
		return nil, &types.EntitlementNotFoundException{Message: ptr(fmt.Sprintf("The entitlement %s does not exist on stack %s.", deref(name), deref(stack)))}
	}
	return en, nil
}

func (e *Emulator) createEntitlement(c *call, in *appstream.CreateEntitlementInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	if _, err := e.stack(c, in.StackName); err != nil {
		return nil, err
	}
	k := entKey(c.acct.ID, *in.StackName, *in.Name)
	if _, ok := e.asf.entitlements[k]; ok {
		return nil, &types.EntitlementAlreadyExistsException{Message: ptr(fmt.Sprintf("The entitlement %s already exists on stack %s.", *in.Name, *in.StackName))}
	}
	en := types.Entitlement{Name: in.Name, StackName: in.StackName, Description: in.Description, AppVisibility: in.AppVisibility,
		Attributes: in.Attributes, CreatedTime: ptr(c.now), LastModifiedTime: ptr(c.now)}
	e.asf.entitlements[k] = &asEntitlement{owner: c.acct.ID, e: en, apps: map[string]bool{}}
	return &appstream.CreateEntitlementOutput{Entitlement: &en}, nil
}

func (e *Emulator) describeEntitlements(c *call, in *appstream.DescribeEntitlementsInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	if in.Name != nil {
		en, err := e.entitlement(c, in.StackName, in.Name)
		if err != nil {
			return nil, err
		}
		return &appstream.DescribeEntitlementsOutput{Entitlements: []types.Entitlement{en.e}}, nil
	}
	if _, err := e.stack(c, in.StackName); err != nil {
		return nil, err
	}
	var out []types.Entitlement
	for _, en := range e.asf.entitlements {
		if en.owner == c.acct.ID && deref(en.e.StackName) == *in.StackName {
			out = append(out, en.e)
		}
	}
	page, next, err := paginate(e, out, func(x types.Entitlement) string { return deref(x.Name) }, in.NextToken, int(deref(in.MaxResults)), scope(c, in.StackName))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeEntitlementsOutput{Entitlements: page, NextToken: next}, nil
}

func (e *Emulator) updateEntitlement(c *call, in *appstream.UpdateEntitlementInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	en, err := e.entitlement(c, in.StackName, in.Name)
	if err != nil {
		return nil, err
	}
	if in.Description != nil {
		en.e.Description = in.Description
	}
	if in.AppVisibility != "" {
		en.e.AppVisibility = in.AppVisibility
	}
	if in.Attributes != nil {
		en.e.Attributes = in.Attributes
	}
	en.e.LastModifiedTime = ptr(c.now)
	out := en.e
	return &appstream.UpdateEntitlementOutput{Entitlement: &out}, nil
}

func (e *Emulator) deleteEntitlement(c *call, in *appstream.DeleteEntitlementInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	if _, err := e.entitlement(c, in.StackName, in.Name); err != nil {
		return nil, err
	}
	delete(e.asf.entitlements, entKey(c.acct.ID, *in.StackName, *in.Name))
	return &appstream.DeleteEntitlementOutput{}, nil
}

func (e *Emulator) associateApplicationToEntitlement(c *call, in *appstream.AssociateApplicationToEntitlementInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	en, err := e.entitlement(c, in.StackName, in.EntitlementName)
	if err != nil {
		return nil, err
	}
	en.apps[*in.ApplicationIdentifier] = true
	return &appstream.AssociateApplicationToEntitlementOutput{}, nil
}

func (e *Emulator) disassociateApplicationFromEntitlement(c *call, in *appstream.DisassociateApplicationFromEntitlementInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	en, err := e.entitlement(c, in.StackName, in.EntitlementName)
	if err != nil {
		return nil, err
	}
	delete(en.apps, *in.ApplicationIdentifier)
	return &appstream.DisassociateApplicationFromEntitlementOutput{}, nil
}

func (e *Emulator) listEntitledApplications(c *call, in *appstream.ListEntitledApplicationsInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	en, err := e.entitlement(c, in.StackName, in.EntitlementName)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(en.apps))
	for id := range en.apps {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]types.EntitledApplication, len(ids))
	for i, id := range ids {
		out[i] = types.EntitledApplication{ApplicationIdentifier: ptr(id)}
	}
	page, next, err := paginate(e, out, func(x types.EntitledApplication) string { return deref(x.ApplicationIdentifier) }, in.NextToken, int(deref(in.MaxResults)), scope(c, in.StackName, in.EntitlementName))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.ListEntitledApplicationsOutput{EntitledApplications: page, NextToken: next}, nil
}
