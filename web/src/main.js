document.getElementById('app').textContent = '两山';
