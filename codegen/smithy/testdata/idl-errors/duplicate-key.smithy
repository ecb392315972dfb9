$version: "2"
namespace ex

@examples([{ title: "a", title: "b" }])
operation Get {}
