$version: "2"
namespace ex

structure Person {
    name:
    age: Integer
}
