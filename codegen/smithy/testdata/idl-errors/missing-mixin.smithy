$version: "2"
namespace ex

structure Person with [Named] {
    age: Integer
}
