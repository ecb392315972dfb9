module github.com/eucsdk/eucsdk

go 1.24

require github.com/aws/smithy-go v1.28.8

require (
	github.com/aws/smithy-go/aws-http-auth v1.1.3 // indirect
	github.com/google/go-cmp v0.7.0 // indirect
)
