using Medborgare.Analysis.Apis;
using Medborgare.Analysis.Extensions;
using Medborgare.Messaging.Quarantine;
using Medborgare.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapSurveysApi();
app.MapResultsApi();
app.MapAnswersApi();
app.MapExportsApi();
app.MapQuarantineApi();
app.MapDefaultEndpoints();

app.Run();
