package emulator

import (
	"fmt"
	"sort"
	"strings"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Tags: WorkSpaces tags a resource by its bare id (d-, ws-, wsb-, wsi-,
// wsipg-, wspool-), not by ARN. A resource has at most maxWSTags tags, and
// keys starting with "aws:" are reserved, as on AWS.

const maxWSTags = 50

func (e *Emulator) wsTagOps() map[string]handler {
	return map[string]handler{
		"CreateTags":   op(e.createWSTags),
		"DeleteTags":   op(e.deleteWSTags),
		"DescribeTags": op(e.describeWSTags),
	}
}

// checkTags rejects what AWS rejects in any tag list: reserved keys and
// more tags than a resource may have.
func checkTags(tags []types.Tag) error {
	if len(tags) > maxWSTags {
		return &types.ResourceLimitExceededException{Message: ptr(fmt.Sprintf("A resource can have at most %d tags; %d were given.", maxWSTags, len(tags)))}
	}
	for _, t := range tags {
		if strings.HasPrefix(strings.ToLower(deref(t.Key)), "aws:") {
			return &types.InvalidParameterValuesException{Message: ptr(fmt.Sprintf("The tag key %q is reserved: keys may not start with aws:.", deref(t.Key)))}
		}
	}
	return nil
}

// setTags adds tags to the resource id, replacing values of keys it
// already has. Callers have checked the tags.
func (e *Emulator) setTags(id string, tags []types.Tag) {
	if len(tags) == 0 {
		return
	}
	m := e.ws.tags[id]
	if m == nil {
		m = map[string]string{}
		e.ws.tags[id] = m
	}
	for _, t := range tags {
		m[deref(t.Key)] = deref(t.Value)
	}
}

// tagList is the resource's tags, sorted by key so answers are stable.
func (e *Emulator) tagList(id string) []types.Tag {
	m := e.ws.tags[id]
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]types.Tag, 0, len(keys))
	for _, k := range keys {
		out = append(out, types.Tag{Key: ptr(k), Value: ptr(m[k])})
	}
	return out
}

// taggable reports whether the caller owns a taggable resource with id.
func (e *Emulator) taggable(c *call, id string) bool {
	switch {
	case strings.HasPrefix(id, "wspool-"):
		p, ok := e.ws.pools[id]
		return ok && p.owner == c.acct.ID
	case strings.HasPrefix(id, "wsipg-"):
		g, ok := e.ws.ipGroups[id]
		return ok && g.owner == c.acct.ID
	case strings.HasPrefix(id, "wsb-"):
		b, ok := e.ws.bundles[id]
		return ok && b.owner == c.acct.ID
	case strings.HasPrefix(id, "wsi-"):
		im, ok := e.ws.images[id]
		return ok && im.owner == c.acct.ID
	case strings.HasPrefix(id, "ws-"):
		w, ok := e.ws.workspaces[id]
		return ok && w.owner == c.acct.ID
	case strings.HasPrefix(id, "d-"), strings.HasPrefix(id, "wsd-"):
		d, ok := e.ws.directories[id]
		return ok && d.owner == c.acct.ID
	}
	return false
}

func (e *Emulator) tagResource(c *call, in any, id *string) error {
	var v violations
	if err := wsValidate(v); err != nil {
		return err
	}
	if !e.taggable(c, *id) {
		return &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The resource %s could not be found.", *id)), ResourceId: id}
	}
	return nil
}

func (e *Emulator) createWSTags(c *call, in *workspaces.CreateTagsInput) (any, error) {
	if err := e.tagResource(c, in, in.ResourceId); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	n := len(e.ws.tags[*in.ResourceId])
	for _, t := range in.Tags {
		if _, ok := e.ws.tags[*in.ResourceId][deref(t.Key)]; !ok {
			n++
		}
	}
	if n > maxWSTags {
		return nil, &types.ResourceLimitExceededException{Message: ptr(fmt.Sprintf("The resource %s would have %d tags; the limit is %d.", *in.ResourceId, n, maxWSTags))}
	}
	e.setTags(*in.ResourceId, in.Tags)
	return &workspaces.CreateTagsOutput{}, nil
}

func (e *Emulator) deleteWSTags(c *call, in *workspaces.DeleteTagsInput) (any, error) {
	if err := e.tagResource(c, in, in.ResourceId); err != nil {
		return nil, err
	}
	m := e.ws.tags[*in.ResourceId]
	for _, k := range in.TagKeys {
		delete(m, k)
	}
	if len(m) == 0 {
		delete(e.ws.tags, *in.ResourceId)
	}
	return &workspaces.DeleteTagsOutput{}, nil
}

func (e *Emulator) describeWSTags(c *call, in *workspaces.DescribeTagsInput) (any, error) {
	if err := e.tagResource(c, in, in.ResourceId); err != nil {
		return nil, err
	}
	return &workspaces.DescribeTagsOutput{TagList: e.tagList(*in.ResourceId)}, nil
}
