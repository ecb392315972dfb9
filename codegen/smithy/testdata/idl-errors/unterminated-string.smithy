$version: "2"
namespace ex

@documentation("no closing quote)
string Name
