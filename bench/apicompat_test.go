package bench

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/codegen"
)

// api is what one Go package exports that a caller can name: struct fields
// with their type expressions, and constants.
type api struct {
	fields map[string]string // "Type.Field" -> type expression
	consts map[string]bool
}

func packageDir(t *testing.T, importPath string) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", importPath).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", importPath, err)
	}
	return strings.TrimSpace(string(out))
}

func readAPI(t *testing.T, dir string) api {
	t.Helper()
	a := api{fields: map[string]string{}, consts: map[string]bool{}}
	fset := token.NewFileSet()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range af.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					st, ok := s.Type.(*ast.StructType)
					if !ok || !s.Name.IsExported() {
						continue
					}
					for _, fl := range st.Fields.List {
						var b strings.Builder
						printer.Fprint(&b, fset, fl.Type)
						for _, n := range fl.Names {
							if n.IsExported() {
								a.fields[s.Name.Name+"."+n.Name] = b.String()
							}
						}
					}
				case *ast.ValueSpec:
					if gd.Tok == token.CONST {
						for _, n := range s.Names {
							if n.IsExported() {
								a.consts[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return a
}

// constRE matches an enum constant line: name, enum type, value.
var constRE = regexp.MustCompile(`(?m)^\s+([A-Z]\w*)\s+([A-Z]\w*) = "([^"]*)"`)

// onlyInV2 is every struct field and constant that aws-sdk-go-v2's newest
// packages (bench/go.mod) export and ours do not, keyed by our import path.
// Each must be something AWS released after our newest models (AppStream
// 2026-04-16, WorkSpaces 2026-04-27); the comment gives that release. The
// list is asserted exactly, so a field we lose or v2 gains shows up here.
var onlyInV2 = map[string][]string{
	"github.com/eucsdk/eucsdk/sts": {
		// Session-token size members of aws-sdk-go-v2's newer sts model than
		// the corpus-protocols copy ours is generated from (2026-04-27).
		"AssumeRoleInput.MinimumSessionTokenSize", "AssumeRoleOutput.SessionTokenSize", "AssumeRoleOutput.SessionTokenUtilization",
		"AssumeRoleWithSAMLInput.MinimumSessionTokenSize", "AssumeRoleWithSAMLOutput.SessionTokenSize", "AssumeRoleWithSAMLOutput.SessionTokenUtilization",
		"AssumeRoleWithWebIdentityInput.MinimumSessionTokenSize", "AssumeRoleWithWebIdentityOutput.SessionTokenSize", "AssumeRoleWithWebIdentityOutput.SessionTokenUtilization",
		"AssumeRootInput.MinimumSessionTokenSize", "AssumeRootOutput.SessionTokenSize", "AssumeRootOutput.SessionTokenUtilization",
		"GetFederationTokenInput.MinimumSessionTokenSize", "GetFederationTokenOutput.SessionTokenSize", "GetFederationTokenOutput.SessionTokenUtilization",
		"GetSessionTokenInput.MinimumSessionTokenSize", "GetSessionTokenOutput.SessionTokenSize", "GetSessionTokenOutput.SessionTokenUtilization",
		// v2's presigning client, which eucsdk does not generate.
		"PresignOptions.ClientOptions", "PresignOptions.Presigner",
	},
	"github.com/eucsdk/eucsdk/appstream": {
		// v1.58.0 (2026-05-01): AI agents operate desktop applications
		// through stacks.
		"CreateStackInput.AgentAccessConfig", "UpdateStackInput.AgentAccessConfig",
		// v1.60.0 (2026-05-28): BYOL, WorkSpaces images imported.
		"CreateImportedImageInput.WorkspaceImageId",
	},
	"github.com/eucsdk/eucsdk/appstream/types": {
		// v1.58.0 (2026-05-01): agent access to stacks.
		"AgentAccessConfig.S3BucketArn", "AgentAccessConfig.ScreenImageFormat", "AgentAccessConfig.ScreenResolution",
		"AgentAccessConfig.ScreenshotsUploadEnabled", "AgentAccessConfig.Settings",
		"AgentAccessConfigForUpdate.S3BucketArn", "AgentAccessConfigForUpdate.ScreenImageFormat", "AgentAccessConfigForUpdate.ScreenResolution",
		"AgentAccessConfigForUpdate.ScreenshotsUploadEnabled", "AgentAccessConfigForUpdate.Settings",
		"AgentAccessSetting.AgentAction", "AgentAccessSetting.Permission",
		"AgentActionComputerInput", "AgentActionComputerVision",
		"ScreenImageFormatJpeg", "ScreenImageFormatPng", "ScreenResolutionW1280xH720",
		"Stack.AgentAccessConfig", "StackAttributeAgentAccessConfig",
		// v1.60.0 (2026-05-28): BYOL image type.
		"ImageTypeByol",
		// v1.58.0 (2026-05-01) or v1.60.0 (2026-05-28): v2's changelog does
		// not say which, and both are after our 2026-04-16 model.
		"ExportImageTaskStateTimedOut",
	},
	// Signin: our corpus-protocols model has CreateOAuth2Token only (the
	// operation the aws login provider calls); v2's signin releases since
	// added these operations.
	"github.com/eucsdk/eucsdk/signin": {
		// v1.2.0 (2026-06-10): console access under resource-based policies.
		"DeleteConsoleAuthorizationConfigurationInput.TargetId", "DeleteConsoleAuthorizationConfigurationOutput.ConsoleAuthorizationEnabled", "DeleteConsoleAuthorizationConfigurationOutput.ResultMetadata", "DeleteConsoleAuthorizationConfigurationOutput.Scope",
		"DeleteConsoleAuthorizationConfigurationOutput.TargetId", "DeleteResourcePermissionStatementInput.ClientToken", "DeleteResourcePermissionStatementInput.StatementId", "DeleteResourcePermissionStatementOutput.ResultMetadata",
		"GetConsoleAuthorizationConfigurationInput.TargetId", "GetConsoleAuthorizationConfigurationOutput.ConsoleAuthorizationEnabled", "GetConsoleAuthorizationConfigurationOutput.ResultMetadata", "GetConsoleAuthorizationConfigurationOutput.Scope",
		"GetConsoleAuthorizationConfigurationOutput.TargetId", "GetResourcePolicyOutput.ResultMetadata", "GetResourcePolicyOutput.SigninResourceBasedPolicy", "ListResourcePermissionStatementsInput.MaxResults",
		"ListResourcePermissionStatementsInput.NextToken", "ListResourcePermissionStatementsOutput.NextToken", "ListResourcePermissionStatementsOutput.PermissionStatements", "ListResourcePermissionStatementsOutput.ResultMetadata",
		"ListResourcePermissionStatementsPaginatorOptions.Limit", "ListResourcePermissionStatementsPaginatorOptions.StopOnDuplicateToken", "PutConsoleAuthorizationConfigurationInput.TargetId", "PutConsoleAuthorizationConfigurationOutput.ConsoleAuthorizationEnabled",
		"PutConsoleAuthorizationConfigurationOutput.ResultMetadata", "PutConsoleAuthorizationConfigurationOutput.Scope", "PutConsoleAuthorizationConfigurationOutput.TargetId", "PutResourcePermissionStatementInput.ClientToken",
		"PutResourcePermissionStatementInput.ConsoleSourceVpce", "PutResourcePermissionStatementInput.ExcludedPrincipal", "PutResourcePermissionStatementInput.RequestedRegion", "PutResourcePermissionStatementInput.SigninSourceVpce",
		"PutResourcePermissionStatementInput.SourceIp", "PutResourcePermissionStatementInput.SourceVpc", "PutResourcePermissionStatementInput.VpcSourceIp", "PutResourcePermissionStatementOutput.ResultMetadata",
		"PutResourcePermissionStatementOutput.StatementId",
		// v1.4.0 (2026-07-08): OAuth 2.0 client-credentials, introspection and revocation.
		"CreateOAuth2TokenWithIAMInput.GrantType", "CreateOAuth2TokenWithIAMInput.Resource", "CreateOAuth2TokenWithIAMOutput.AccessToken", "CreateOAuth2TokenWithIAMOutput.ExpiresIn",
		"CreateOAuth2TokenWithIAMOutput.ResultMetadata", "CreateOAuth2TokenWithIAMOutput.TokenType", "IntrospectOAuth2TokenWithIAMInput.Token", "IntrospectOAuth2TokenWithIAMInput.TokenTypeHint",
		"IntrospectOAuth2TokenWithIAMOutput.AccountId", "IntrospectOAuth2TokenWithIAMOutput.Active", "IntrospectOAuth2TokenWithIAMOutput.Aud", "IntrospectOAuth2TokenWithIAMOutput.ClientId",
		"IntrospectOAuth2TokenWithIAMOutput.Exp", "IntrospectOAuth2TokenWithIAMOutput.Iat", "IntrospectOAuth2TokenWithIAMOutput.Iss", "IntrospectOAuth2TokenWithIAMOutput.Jti",
		"IntrospectOAuth2TokenWithIAMOutput.Nbf", "IntrospectOAuth2TokenWithIAMOutput.Resource", "IntrospectOAuth2TokenWithIAMOutput.ResultMetadata", "IntrospectOAuth2TokenWithIAMOutput.SigninSession",
		"IntrospectOAuth2TokenWithIAMOutput.Sub", "IntrospectOAuth2TokenWithIAMOutput.TokenType", "IntrospectOAuth2TokenWithIAMOutput.UserId", "RevokeOAuth2TokenWithIAMInput.Token",
		"RevokeOAuth2TokenWithIAMOutput.ResultMetadata",
		// v1.11.0 (2026-10-26): the OAuth 2.0 token-exchange grant.
		"CreateOAuth2TokenWithTokenExchangeInput.GrantType", "CreateOAuth2TokenWithTokenExchangeInput.Resource", "CreateOAuth2TokenWithTokenExchangeInput.Scope", "CreateOAuth2TokenWithTokenExchangeInput.SubjectToken",
		"CreateOAuth2TokenWithTokenExchangeInput.SubjectTokenType", "CreateOAuth2TokenWithTokenExchangeOutput.AccessToken", "CreateOAuth2TokenWithTokenExchangeOutput.ExpiresIn", "CreateOAuth2TokenWithTokenExchangeOutput.IssuedTokenType",
		"CreateOAuth2TokenWithTokenExchangeOutput.ResultMetadata", "CreateOAuth2TokenWithTokenExchangeOutput.TokenType",
		// v1.13.0 (2026-11-09): CreateBearerToken.
		"CreateBearerTokenInput.DurationSeconds", "CreateBearerTokenInput.GrantType", "CreateBearerTokenInput.Resource", "CreateBearerTokenOutput.AccessToken",
		"CreateBearerTokenOutput.ExpiresIn", "CreateBearerTokenOutput.ResultMetadata", "CreateBearerTokenOutput.TokenType",
	},
	"github.com/eucsdk/eucsdk/signin/types": {
		// The errors, enum values and policy types of those newer operations (v1.2.0 to v1.13.0).
		"ConflictException.ErrorCodeOverride", "ConflictException.Error_", "ConflictException.Message", "InvalidGrantException.ErrorCodeOverride",
		"InvalidGrantException.Error_", "InvalidGrantException.Message", "InvalidScopeException.ErrorCodeOverride", "InvalidScopeException.Error_",
		"InvalidScopeException.Message", "OAuth2ErrorCodeConflict", "OAuth2ErrorCodeOauthInvalidGrant", "OAuth2ErrorCodeOauthInvalidRequest",
		"OAuth2ErrorCodeOauthInvalidScope", "OAuth2ErrorCodeOauthInvalidTarget", "OAuth2ErrorCodeOauthRateExceeded", "OAuth2ErrorCodeOauthServiceUnavailable",
		"OAuth2ErrorCodeOauthUnsupportedGrantType", "OAuth2ErrorCodeResourceNotFound", "OAuth2ErrorCodeServiceQuotaExceeded", "PermissionStatementSummary.Condition",
		"PermissionStatementSummary.Sid", "PolicyStatement.Action", "PolicyStatement.Condition", "PolicyStatement.Effect",
		"PolicyStatement.Principal", "PolicyStatement.Resource", "ResourceNotFoundException.ErrorCodeOverride", "ResourceNotFoundException.Error_",
		"ResourceNotFoundException.Message", "ServiceQuotaExceededException.ErrorCodeOverride", "ServiceQuotaExceededException.Error_", "ServiceQuotaExceededException.Message",
		"ServiceUnavailableException.ErrorCodeOverride", "ServiceUnavailableException.Error_", "ServiceUnavailableException.Message", "SigninResourceBasedPolicy.Statement",
		"SigninResourceBasedPolicy.Version",
	},
	// Nothing for WorkSpaces: v2's newest (v1.68.3) has no model item our
	// 2026-04-27 model lacks.
}

// smallServices lowers the fields-in-common floor for small services.
var smallServices = map[string]int{"sts": 20, "sso": 10, "ssooidc": 20, "signin": 3}

// clientTypes are the client packages' own configuration types, not model
// items: ours are shared by both services (pipeline.Options) and differ by
// design (README, "Moving from aws-sdk-go-v2").
var clientTypes = map[string]bool{"Options": true, "EndpointParameters": true, "AuthResolverParameters": true, "ResolveEndpoint": true,
	// DynamoDB's endpoint discovery switch, part of v2's Options.
	"EndpointDiscoveryOptions": true}

// TestSameExportedAPIAsAWSSDKGoV2 compares every struct field both packages
// declare (inputs, outputs, types, errors): Go types must be identical. An
// enum value both have must have the same constant name. Fields and
// constants only aws-sdk-go-v2 has must be exactly those of onlyInV2.
func TestSameExportedAPIAsAWSSDKGoV2(t *testing.T) {
	pairs := [][2]string{
		{"github.com/eucsdk/eucsdk/appstream", "github.com/aws/aws-sdk-go-v2/service/appstream"},
		{"github.com/eucsdk/eucsdk/appstream/types", "github.com/aws/aws-sdk-go-v2/service/appstream/types"},
		{"github.com/eucsdk/eucsdk/workspaces", "github.com/aws/aws-sdk-go-v2/service/workspaces"},
		{"github.com/eucsdk/eucsdk/workspaces/types", "github.com/aws/aws-sdk-go-v2/service/workspaces/types"},
		{"github.com/eucsdk/eucsdk/sts", "github.com/aws/aws-sdk-go-v2/service/sts"},
		{"github.com/eucsdk/eucsdk/sts/types", "github.com/aws/aws-sdk-go-v2/service/sts/types"},
		{"github.com/eucsdk/eucsdk/sso", "github.com/aws/aws-sdk-go-v2/service/sso"},
		{"github.com/eucsdk/eucsdk/sso/types", "github.com/aws/aws-sdk-go-v2/service/sso/types"},
		{"github.com/eucsdk/eucsdk/ssooidc", "github.com/aws/aws-sdk-go-v2/service/ssooidc"},
		{"github.com/eucsdk/eucsdk/ssooidc/types", "github.com/aws/aws-sdk-go-v2/service/ssooidc/types"},
		{"github.com/eucsdk/eucsdk/signin", "github.com/aws/aws-sdk-go-v2/service/signin"},
		{"github.com/eucsdk/eucsdk/signin/types", "github.com/aws/aws-sdk-go-v2/service/signin/types"},
	}
	for _, p := range pairs {
		floor := 100
		// Small services: a dozen operations or fewer, few types (signin
		// has one operation in our model).
		if f, ok := smallServices[path.Base(strings.TrimSuffix(p[0], "/types"))]; ok {
			floor = f
		}
		compareAPI(t, p[0], packageDir(t, p[0]), packageDir(t, p[1]), onlyInV2[p[0]], floor)
	}
}

// compareAPI checks one of our packages (label names it in messages and
// ends in /types for a types package) against aws-sdk-go-v2's: fields both
// have must have identical types, enum values both have identical constant
// names, and what only v2 exports must be exactly allow. floor is the least
// number of common fields that shows the right packages are compared.
func compareAPI(t *testing.T, label, oursDir, theirsDir string, allow []string, floor int) {
	t.Helper()
	ours, theirs := readAPI(t, oursDir), readAPI(t, theirsDir)
	isTypes := strings.HasSuffix(label, "/types")
	same := 0
	var missing []string
	for field, typ := range theirs.fields {
		got, ok := ours.fields[field]
		if !ok {
			if !clientTypes[strings.Split(field, ".")[0]] {
				missing = append(missing, field)
			}
			continue
		}
		same++
		if got != typ && typeDiffs[label+" "+field] {
			typeDiffSeen[label+" "+field] = true
		} else if got != typ {
			t.Errorf("%s %s: type %s, aws-sdk-go-v2 has %s", label, field, got, typ)
		}
	}
	if isTypes {
		oursByValue := map[string]string{}
		b, _ := readFile(filepath.Join(oursDir, "enums.go"))
		for _, m := range constRE.FindAllStringSubmatch(b, -1) {
			oursByValue[m[2]+"="+m[3]] = m[1]
		}
		b, _ = readFile(filepath.Join(theirsDir, "enums.go"))
		for _, m := range constRE.FindAllStringSubmatch(b, -1) {
			if name, ok := oursByValue[m[2]+"="+m[3]]; ok && name != m[1] {
				t.Errorf("%s: enum %s value %q is %s here, %s in aws-sdk-go-v2", label, m[2], m[3], name, m[1])
			}
		}
		for c := range theirs.consts {
			// Enum values; the client packages' constants (ServiceID, ...)
			// are not model items.
			if !ours.consts[c] {
				missing = append(missing, c)
			}
		}
	}
	slices.Sort(missing)
	want := slices.Clone(allow)
	slices.Sort(want)
	if !slices.Equal(missing, want) {
		t.Errorf("%s: exported only by aws-sdk-go-v2:\n\t%q\nwant exactly the allow-list:\n\t%q", label, missing, want)
	}
	if same < floor {
		t.Errorf("%s: only %d fields in common with aws-sdk-go-v2: the comparison is not looking at the right packages", label, same)
	}
	t.Logf("%s: %d fields identical in name and type; %d fields and constants only in aws-sdk-go-v2 (allow-listed)", label, same, len(missing))
}

// sample is the services outside AppStream and WorkSpaces whose API must
// match aws-sdk-go-v2's: each protocol v2 generates that eucsdk speaks. Ours
// are generated from ../../shared into a temporary directory: the comparison
// reads source only, so nothing is compiled or committed. v2's versions are
// pinned in go.mod (apicompat_pins.go), each the first release after the
// date of the models ours come from: 2025-04-02 for models/corpus,
// 2026-04-27 for models/corpus-protocols (../../shared/models/README.md).
// SQS takes models/sqs.overlay.json: the zero defaults v2 adds to five
// SQS input members (its SQSCustomizations) so that they stay plain int32s;
// an operation's input sends them only when not zero, as v2 does. v2 adds
// the same default to two members of batch entries too; typeDiffs says why
// ours keep their pointers.
var sample = []struct {
	pkg, model, v2 string
	overlays       []string
}{
	{"dynamodb", "corpus/dynamodb-2012-08-10.json", "v1.42.1 (2025-04-03), awsJson1_0", nil},
	{"kinesis", "corpus/kinesis-2013-12-02.json", "v1.33.2 (2025-04-03), awsJson1_1", nil},
	{"sqs", "corpus/sqs-2012-11-05.json", "v1.38.4 (2025-04-03), awsJson1_0", []string{"../models/sqs.overlay.json"}},
	{"lambda", "corpus-protocols/lambda-2015-03-31.json", "v1.90.1 (2026-04-29), restJson1", nil},
	{"cloudwatch", "corpus-protocols/cloudwatch-2010-08-01.json", "v1.56.3 (2026-04-29), rpcv2Cbor (also declares awsQuery)", nil},
}

// typeDiffs are fields whose Go type is allowed to differ from v2's, with
// the reason.
var typeDiffs = map[string]bool{
	// v2 makes these int32 by giving them a zero default the SQS model does
	// not have. Here a nested structure sends its zero-valued defaults (as
	// Smithy asks), so the same overlay would send DelaySeconds 0 for every
	// batch entry and override the queue's delay; v2's serializer leaves
	// zeros out. Until nested structures leave them out too, they stay
	// *int32 (nil: the queue's own setting).
	"sqs/types SendMessageBatchRequestEntry.DelaySeconds":                  true,
	"sqs/types ChangeMessageVisibilityBatchRequestEntry.VisibilityTimeout": true,
}

// typeDiffSeen records the typeDiffs that still differ, so that one that no
// longer does is reported rather than kept.
var typeDiffSeen = map[string]bool{}

// onlyInV2Sample is, per sample package (and its /types), what only
// aws-sdk-go-v2 exports, each with its reason. None is newer than our
// models (v2's versions are the ones of our models' date); each is a part
// the generator skips and lists in UNSUPPORTED.md, or an addition of v2's
// own code generator that no model declares. The list is asserted exactly.
var onlyInV2Sample = map[string][]string{
	"dynamodb": {
		// UNSUPPORTED.md: Query and Scan's paginators page on
		// ExclusiveStartKey, a map, and paginators here take string tokens.
		"QueryPaginatorOptions.Limit", "ScanPaginatorOptions.Limit",
		// v2's own paginator for BatchGetItem (AwsPaginators customization);
		// the model declares none.
		"BatchGetItemPaginatorOptions.StopOnDuplicateToken",
	},
	"kinesis": {
		// v2's own paginator for DescribeStream (AwsPaginators
		// customization); the model declares none.
		"DescribeStreamPaginatorOptions.Limit", "DescribeStreamPaginatorOptions.StopOnDuplicateToken",
		// UNSUPPORTED.md: SubscribeToShard returns an event stream.
		"SubscribeToShardEventStream.Reader", "SubscribeToShardInput.ConsumerARN", "SubscribeToShardInput.ShardId",
		"SubscribeToShardInput.StartingPosition", "SubscribeToShardOutput.ResultMetadata",
		"UnknownEventMessageError.Message", "UnknownEventMessageError.Type",
	},
	"kinesis/types": {
		// UNSUPPORTED.md: the types only SubscribeToShard's event stream
		// uses (its input's StartingPosition, the events, the stream's
		// InternalFailureException, the union's unknown member).
		"InternalFailureException.ErrorCodeOverride", "InternalFailureException.Message",
		"StartingPosition.SequenceNumber", "StartingPosition.Timestamp", "StartingPosition.Type",
		"SubscribeToShardEvent.ChildShards", "SubscribeToShardEvent.ContinuationSequenceNumber",
		"SubscribeToShardEvent.MillisBehindLatest", "SubscribeToShardEvent.Records",
		"SubscribeToShardEventStreamMemberSubscribeToShardEvent.Value",
		"UnknownUnionMember.Tag", "UnknownUnionMember.Value",
	},
	"lambda": {
		// UNSUPPORTED.md: InvokeWithResponseStream returns an event stream.
		"InvokeWithResponseStreamEventStream.Reader", "InvokeWithResponseStreamInput.ClientContext",
		"InvokeWithResponseStreamInput.FunctionName", "InvokeWithResponseStreamInput.InvocationType",
		"InvokeWithResponseStreamInput.LogType", "InvokeWithResponseStreamInput.Payload",
		"InvokeWithResponseStreamInput.Qualifier", "InvokeWithResponseStreamInput.TenantId",
		"InvokeWithResponseStreamOutput.ExecutedVersion", "InvokeWithResponseStreamOutput.ResponseStreamContentType",
		"InvokeWithResponseStreamOutput.ResultMetadata", "InvokeWithResponseStreamOutput.StatusCode",
		"UnknownEventMessageError.Message", "UnknownEventMessageError.Type",
	},
	"lambda/types": {
		// UNSUPPORTED.md: the types only InvokeWithResponseStream uses.
		"InvokeResponseStreamUpdate.Payload", "InvokeWithResponseStreamCompleteEvent.ErrorCode",
		"InvokeWithResponseStreamCompleteEvent.ErrorDetails", "InvokeWithResponseStreamCompleteEvent.LogResult",
		"InvokeWithResponseStreamResponseEventMemberInvokeComplete.Value",
		"InvokeWithResponseStreamResponseEventMemberPayloadChunk.Value",
		"ResponseStreamingInvocationTypeDryRun", "ResponseStreamingInvocationTypeRequestResponse",
		"UnknownUnionMember.Tag", "UnknownUnionMember.Value",
	},
	// Nothing for sqs, cloudwatch (rpcv2Cbor) or the types of dynamodb.
}

func TestSampleServicesSameExportedAPIAsAWSSDKGoV2(t *testing.T) {
	models := filepath.Join("..", "..", "shared", "models")
	if _, err := os.Stat(models); err != nil {
		t.Skipf("no shared models beside the checkout (%v)", err)
	}
	for _, s := range sample {
		t.Run(s.pkg, func(t *testing.T) {
			dir := t.TempDir()
			_, err := codegen.Run(codegen.Config{
				Models:     []string{filepath.Join(models, s.model)},
				Overlays:   s.overlays,
				Package:    s.pkg,
				ImportPath: "example.com/sample/" + s.pkg,
				OutDir:     dir,
			})
			if err != nil {
				t.Fatalf("generating %s from %s: %v", s.pkg, s.model, err)
			}
			v2 := "github.com/aws/aws-sdk-go-v2/service/" + s.pkg
			compareAPI(t, s.pkg, dir, packageDir(t, v2), onlyInV2Sample[s.pkg], 20)
			compareAPI(t, s.pkg+"/types", filepath.Join(dir, "types"), packageDir(t, v2+"/types"), onlyInV2Sample[s.pkg+"/types"], 20)
		})
	}
	for d := range typeDiffs {
		if !typeDiffSeen[d] {
			t.Errorf("typeDiffs: %s no longer differs from aws-sdk-go-v2: remove it", d)
		}
	}
}

func readFile(p string) (string, error) {
	b, err := os.ReadFile(p)
	return string(b), err
}
