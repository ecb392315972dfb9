$version: "2"
namespace ex

string A string B
