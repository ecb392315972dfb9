$version: "2"
namespace ex

string Name

@documentation("dangling")
