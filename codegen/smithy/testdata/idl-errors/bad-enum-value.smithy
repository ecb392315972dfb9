$version: "2"
namespace ex

enum Color {
    RED = "red"
    GREEN = 2
}
