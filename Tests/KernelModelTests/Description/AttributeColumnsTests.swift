import KernelModel
import Testing

/// What a `.boot` registration line keeps of its attributes' columns: the ones findings point
/// at, the first of each.
@Suite("Attribute columns")
struct AttributeColumnsTests {
    @Test func requiresAndProvidesAreKeptFirstWins() throws {
        let text = """
            object a.o
              core_initcall a_init time=1us requires=x provides=y requires=z
            """
        let description = try BootFile.parse(text, file: "a.boot")
        let entry = try #require(description.objects.first?.entries.first)
        #expect(entry.attributeColumns["requires="] == 33)
        #expect(entry.attributeColumns["requires"] == 33)
        #expect(entry.attributeColumns["provides="] == 44)
        #expect(entry.attributeColumns["time="] == nil)
    }

    @Test func aLiteralRecordsTheSame() {
        let columns: AttributeColumns = ["requires=": 5, "provides": 9, "time=": 2]
        #expect(columns["requires="] == 5)
        #expect(columns["provides="] == 9)
        #expect(columns["time="] == nil)
        #expect(AttributeColumns() == [:])
    }
}
