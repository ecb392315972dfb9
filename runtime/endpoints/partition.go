package endpoints

import "github.com/eucsdk/eucsdk/runtime/endpoints/internal/regionpattern"

// partitionOutputs is the record aws.partition returns. Region entries carry
// complete copies (overrides are merged by the generator), so lookup never
// merges.
type partitionOutputs struct {
	name                 string
	dnsSuffix            string
	dualStackDNSSuffix   string
	supportsFIPS         bool
	supportsDualStack    bool
	implicitGlobalRegion string
}

type partition struct {
	id          string
	regionRegex regionpattern.Pattern
	// regionExpr is the pattern as partitions.json writes it.
	regionExpr string
	outputs    partitionOutputs
	// regions lists the partition's known regions; a nil entry means the
	// region uses the partition's outputs unchanged.
	regions map[string]*partitionOutputs
}

// partitionFor picks the partition for a region. Known region ids win over
// patterns because a partition's regex can be broader than its region list
// (and an id like "aws-global" matches no pattern at all); unknown regions
// fall back to "aws" so new commercial regions resolve before the table is
// regenerated.
func partitionFor(region string) *partitionOutputs {
	for i := range partitions {
		p := &partitions[i]
		if o, ok := p.regions[region]; ok {
			if o != nil {
				return o
			}
			return &p.outputs
		}
	}
	for i := range partitions {
		if partitions[i].regionRegex.MatchString(region) {
			return &partitions[i].outputs
		}
	}
	for i := range partitions {
		if partitions[i].id == "aws" {
			return &partitions[i].outputs
		}
	}
	return nil
}

// record builds a fresh value each call because records can flow into
// Endpoint.Properties, which callers own and may modify.
func (o *partitionOutputs) record() map[string]any {
	return map[string]any{
		"name":                 o.name,
		"dnsSuffix":            o.dnsSuffix,
		"dualStackDnsSuffix":   o.dualStackDNSSuffix,
		"supportsFIPS":         o.supportsFIPS,
		"supportsDualStack":    o.supportsDualStack,
		"implicitGlobalRegion": o.implicitGlobalRegion,
	}
}
