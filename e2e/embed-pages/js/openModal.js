// modal.html: the Open button opens the element's overlay, as an integrator's page would.
document.getElementById('open').addEventListener('click', () => {
  document.getElementById('flow').open()
})
