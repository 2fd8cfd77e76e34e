// The published DIP page's search box (pipeline/render/publication.py): hides the entries that do not match.
(function(){
  var input=document.getElementById('cari'), info=document.getElementById('jumlah');
  var rows=Array.prototype.slice.call(document.querySelectorAll('tbody tr.entri'));
  function saring(){
    var kata=input.value.toLowerCase().split(/\s+/).filter(Boolean), tampil=0;
    rows.forEach(function(tr){
      var teks=tr.textContent.toLowerCase();
      var cocok=kata.every(function(k){return teks.indexOf(k)>=0;});
      tr.hidden=!cocok; if(cocok){tampil++;}
    });
    Array.prototype.forEach.call(document.querySelectorAll('tbody'),function(tb){
      var ada=tb.querySelector('tr.entri:not([hidden])');
      tb.querySelector('tr.kelompok').hidden=!ada;
    });
    info.textContent=tampil+' dari '+rows.length+' informasi';
  }
  input.addEventListener('input',saring); saring();
})();
