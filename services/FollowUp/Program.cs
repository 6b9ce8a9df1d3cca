using Medborgare.FollowUp.Apis;
using Medborgare.FollowUp.Extensions;
using Medborgare.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapSurveyYearsApi();
app.MapDefaultEndpoints();

app.Run();
