$version: "2"
namespace ex

@pattern("^\d+$")
string Digits
