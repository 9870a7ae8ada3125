// Runs between the two copies of the script on double.html.
window.firstHumanosLink = window.HumanosLink
