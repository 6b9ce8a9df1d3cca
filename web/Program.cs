using Medborgare.ServiceDefaults;
using Medborgare.Web.Components;
using Medborgare.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseWebDefaults();
app.MapStaticAssets();
app.MapRazorComponents<App>().AllowHead();
app.MapAccountEndpoints();
app.MapAnalystEndpoints();
app.MapResultsEndpoints();
app.MapDefaultEndpoints();

app.Run();
