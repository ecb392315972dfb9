$version: "2"
namespace ex

@length(min: 1
string Name
