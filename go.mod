module github.com/eucsdk/eucsdk

go 1.24

require (
	github.com/aws/smithy-go v1.28.8
	github.com/aws/smithy-go/aws-http-auth v1.1.3
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/google/uuid v1.6.0
)
