$version: "2"
namespace ex

@length(min: , max: 10)
string Name
