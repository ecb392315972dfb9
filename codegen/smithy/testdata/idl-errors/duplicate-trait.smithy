$version: "2"
namespace ex

@sensitive
@documentation("a name")
@sensitive
string Name
