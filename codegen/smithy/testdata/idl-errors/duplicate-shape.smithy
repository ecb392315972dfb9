$version: "2"
namespace ex

string Name

structure Person {
    name: Name
}

integer Name
