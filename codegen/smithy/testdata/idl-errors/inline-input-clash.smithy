$version: "2"
namespace ex

operation Get {
    input := {
        id: String
    }
}

structure GetInput {}
