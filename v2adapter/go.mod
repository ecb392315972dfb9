module github.com/eucsdk/eucsdk/v2adapter

go 1.24

require (
	github.com/aws/aws-sdk-go-v2 v1.47.7
	github.com/aws/smithy-go v1.28.8
	github.com/eucsdk/eucsdk v0.0.0
)

replace github.com/eucsdk/eucsdk => ../
