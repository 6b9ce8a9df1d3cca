namespace Medborgare.HostileInput.Tests;

public sealed class OpenApiDocumentReaderTests
{
    readonly IReadOnlyList<ApiOperation> operations = FixtureDocument.Operations();

    ApiOperation Operation(string id) => operations.Single(o => o.OperationId == id);

    [Fact]
    public void Every_path_and_method_becomes_an_operation()
    {
        Assert.Equal(
            ["CloseSurvey", "CreateSurvey", "ImportFrame", "ListKeyFigureValues", "PublishSurvey", "SaveDraft", "UpdateGoal", "ValidateQuestionnaire"],
            operations.Select(o => o.OperationId).Order(StringComparer.Ordinal));
        Assert.Equal("PUT /api/goals/{id}", Operation("UpdateGoal").ToString());
    }

    [Fact]
    public void A_ref_body_is_resolved_with_nullable_type_arrays_enums_and_formats()
    {
        var body = Operation("CreateSurvey").Body!;
        Assert.True(body.Required);
        var schema = body.Json!.Schema;
        Assert.Equal(SchemaKind.Object, schema.Kind);
        Assert.Equal(SchemaKind.Integer, schema.Properties["year"].Kind);
        Assert.True(schema.Properties["year"].Nullable);
        Assert.Equal(SchemaKind.String, schema.Properties["titleSv"].Kind);
        Assert.Equal(200, schema.Properties["titleSv"].MaxLength);
        Assert.Equal(SchemaKind.Enum, schema.Properties["template"].Kind);
        Assert.Equal(["Default", "CopyLastYear", "Empty"], schema.Properties["template"].EnumValues);
        Assert.True(schema.Properties["answerBy"].IsParsedString);
    }

    [Fact]
    public void OneOf_with_a_null_branch_is_the_other_branch_made_nullable()
    {
        var level = Operation("UpdateGoal").Body!.Json!.Schema.Properties["level"];
        Assert.Equal(SchemaKind.Enum, level.Kind);
        Assert.True(level.Nullable);

        var close = Operation("CloseSurvey").Body!;
        Assert.False(close.Required);
        Assert.Equal(SchemaKind.Object, close.Json!.Schema.Kind);
        Assert.True(close.Json.Schema.Nullable);
    }

    [Fact]
    public void Parameters_keep_their_place_and_type_and_a_csv_body_its_media_type()
    {
        var values = Operation("ListKeyFigureValues");
        Assert.Equal(["kpi", "municipality", "period"], values.QueryParameters.Select(p => p.Name));
        Assert.Equal(SchemaKind.Integer, values.QueryParameters.Last().Schema.Kind);
        Assert.Equal("uuid", Operation("PublishSurvey").PathParameters.Single().Schema.Format);
        Assert.Null(Operation("PublishSurvey").Body);
        Assert.Null(Operation("ImportFrame").Body!.Json);
        Assert.Equal("text/csv", Operation("ImportFrame").Body!.Content.Single().MediaType);
    }

    [Fact]
    public void A_self_referencing_schema_is_cut_off_instead_of_recursing_forever()
    {
        var sections = Operation("ValidateQuestionnaire").Body!.Json!.Schema.Properties["sections"];
        Assert.Equal(SchemaKind.Array, sections.Kind);
        Assert.Equal(SchemaKind.Object, sections.Items!.Kind);
        Assert.Equal(SchemaKind.Dictionary, Operation("ValidateQuestionnaire").Body!.Json!.Schema.Properties["title"].Kind);
    }

    [Fact]
    public void A_document_that_is_not_openapi_3_is_refused()
    {
        Assert.Throws<FormatException>(() => OpenApiDocumentReader.Read("""{"swagger": "2.0", "paths": {}}"""));
    }
}
