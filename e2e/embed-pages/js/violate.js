// Breaks the strict policy on purpose (a style attribute written as markup), so a test can
// prove that violations are recorded at all.
document.getElementById('target').setAttribute('style', 'color: red')
