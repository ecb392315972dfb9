$version: "2"
namespace ex

list Names {
    item: String
}
