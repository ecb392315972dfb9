$version: "2"
namespace ex

@mixin
structure A with [B] {
    a: String
}

@mixin
structure B with [A] {
    b: String
}
