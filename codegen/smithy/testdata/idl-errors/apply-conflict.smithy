$version: "2"
namespace ex

@documentation("A name.")
string Name

apply Name @documentation("Another text.")
