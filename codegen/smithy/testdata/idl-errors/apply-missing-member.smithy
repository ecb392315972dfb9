$version: "2"
namespace ex

structure Person {
    name: String
}

apply Person$nmae @required
