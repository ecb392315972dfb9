$version: "2"
namespace ex

structure Person {
    $id
}
