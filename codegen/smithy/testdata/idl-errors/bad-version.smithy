$version: "3.0"
namespace ex

string Name
