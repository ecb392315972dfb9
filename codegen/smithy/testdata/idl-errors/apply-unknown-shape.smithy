$version: "2"
namespace ex

string Name

apply Nmae @documentation("typo in the target")
