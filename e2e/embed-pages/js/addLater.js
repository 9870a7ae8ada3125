// A page that renders part of itself later (a single-page app, a CMS widget): the button adds
// an element marked with data-humanos-link, which the script must mount on its own.
document.getElementById('add').addEventListener('click', () => {
  const slot = document.createElement('div')
  slot.id = 'later'
  slot.dataset.humanosLink = document.getElementById('add').dataset.link
  document.getElementById('slots').append(slot)
})
document.getElementById('remove').addEventListener('click', () => {
  document.getElementById('later')?.remove()
})
