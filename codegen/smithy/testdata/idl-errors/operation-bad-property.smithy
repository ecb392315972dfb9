$version: "2"
namespace ex

operation GetThing {
    inputs: GetThingInput
}
