module github.com/eucsdk/eucsdk

go 1.24

require github.com/aws/smithy-go v1.28.8
