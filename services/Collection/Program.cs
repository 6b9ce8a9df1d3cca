using Medborgare.Collection.Apis;
using Medborgare.Collection.Extensions;
using Medborgare.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapOpenSurveysApi();
app.MapDefaultEndpoints();

app.Run();
