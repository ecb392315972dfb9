$version: "2"
namespace ex

strukture Person {
    name: String
}
